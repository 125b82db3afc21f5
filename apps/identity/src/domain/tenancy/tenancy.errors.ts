/**
 * Refusals of the tenancy deciders. `code` is stable (clients and the HTTP edge match on it) and
 * `field` names the input at fault when there is one.
 */
export abstract class TenancyError extends Error {
  abstract readonly code: string;
  readonly field: string | undefined;

  constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }
}

export class OrganizationAlreadyRegisteredError extends TenancyError {
  readonly code = 'ORGANIZATION_ALREADY_REGISTERED';
  constructor(readonly domain: string) {
    super(`organization ${domain} is already registered`, 'domain');
  }
}

export class OrganizationNotFoundError extends TenancyError {
  readonly code = 'ORGANIZATION_NOT_FOUND';
  constructor(readonly domain: string) {
    super(`no organization with domain ${domain}`, 'domain');
  }
}

export class ApplicationIdTakenError extends TenancyError {
  readonly code = 'APPLICATION_ID_TAKEN';
  constructor(readonly applicationId: string) {
    super(`application id ${applicationId} is already taken`, 'applicationId');
  }
}

export class ApplicationNotFoundError extends TenancyError {
  readonly code = 'APPLICATION_NOT_FOUND';
  constructor(readonly applicationId: string) {
    super(`no application ${applicationId}`, 'applicationId');
  }
}

/** An application that requires signed identities (S7) cannot exist without a key to verify them. */
export class IdentityKeyRequiredError extends TenancyError {
  readonly code = 'IDENTITY_KEY_REQUIRED';
  constructor() {
    super('identity verification "required" needs an identity key', 'identityVerification');
  }
}

export class IdentityKeyExistsError extends TenancyError {
  readonly code = 'IDENTITY_KEY_EXISTS';
  constructor(readonly keyId: string) {
    super(`identity key ${keyId} already exists`, 'keyId');
  }
}

export class IdentityKeyNotFoundError extends TenancyError {
  readonly code = 'IDENTITY_KEY_NOT_FOUND';
  constructor(readonly keyId: string) {
    super(`no identity key ${keyId}`, 'keyId');
  }
}

export class IdentityKeyAlreadyRetiredError extends TenancyError {
  readonly code = 'IDENTITY_KEY_ALREADY_RETIRED';
  constructor(readonly keyId: string) {
    super(`identity key ${keyId} is already retired or retiring`, 'keyId');
  }
}

export class InvalidKeyWindowError extends TenancyError {
  readonly code = 'IDENTITY_KEY_WINDOW_INVALID';
  constructor(message: string, field: 'activeFrom' | 'retiresAt') {
    super(message, field);
  }
}

/** Retiring the last key of a verifying application would lock every user out. */
export class LastIdentityKeyError extends TenancyError {
  readonly code = 'LAST_IDENTITY_KEY';
  constructor(readonly keyId: string) {
    super(
      `identity key ${keyId} is the last one not retiring; add a new key before retiring it`,
      'keyId',
    );
  }
}

export class AgentEmailTakenError extends TenancyError {
  readonly code = 'AGENT_EMAIL_TAKEN';
  constructor(
    readonly email: string,
    readonly domain: string,
  ) {
    super(`an agent with email ${email} already exists in ${domain}`, 'email');
  }
}
