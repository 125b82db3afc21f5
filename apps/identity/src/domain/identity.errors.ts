import type { RejectionReason } from './rejection-reason';

/**
 * Domain errors of identity (STYLE.md, "Config and errors"): each has a stable `code` and the
 * HTTP status the exception filter at the edge maps it to.
 */
export abstract class IdentityError extends Error {
  abstract readonly code: string;
  abstract readonly httpStatus: 400 | 401 | 403 | 500;
}

/** S1: unknown organization, unknown application or wrong secret; deliberately one message for all. */
export class WidgetCredentialsRejectedError extends IdentityError {
  readonly code = 'IDENTITY_WIDGET_CREDENTIALS_REJECTED';
  readonly httpStatus = 401;

  constructor() {
    super('unknown organization or application, or wrong applicationSecret');
    this.name = 'WidgetCredentialsRejectedError';
  }
}

/**
 * S6, S7 and brute-force limits: the refusal is already recorded as `AuthenticationRejected`; the
 * widget gets 403 and a clean chat. `retryAfterSeconds` is set only for `rate-limited`.
 */
export class AuthenticationRejectedError extends IdentityError {
  readonly code = 'IDENTITY_AUTHENTICATION_REJECTED';
  readonly httpStatus = 403;

  constructor(
    readonly reason: RejectionReason,
    readonly retryAfterSeconds?: number,
  ) {
    super(`authentication rejected: ${reason}`);
    this.name = 'AuthenticationRejectedError';
  }
}

/** A value from outside broke a domain bound that the edge schema should already have caught. */
export class InvalidIdentityInputError extends IdentityError {
  readonly code = 'IDENTITY_INVALID_INPUT';
  readonly httpStatus = 400;

  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'InvalidIdentityInputError';
  }
}

/** The stream holds events in an order no decision produces; refusing is safer than guessing. */
export class InvalidUserStreamError extends IdentityError {
  readonly code = 'IDENTITY_STREAM_INVALID';
  readonly httpStatus = 500;

  constructor(detail: string) {
    super(`user identity stream is invalid: ${detail}`);
    this.name = 'InvalidUserStreamError';
  }
}
