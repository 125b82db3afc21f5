/** The services behind the gateway; named in 503s, never their addresses. */
export type UpstreamName = 'identity' | 'contact' | 'conversation';

/** What of an upstream 4xx body reaches the caller: codes and field names, nothing internal. */
export interface UpstreamRefusalBody {
  statusCode: number;
  error: string;
  message: string;
  field?: string;
  reason?: string;
  issues?: { field: string; message: string }[];
  mergedInto?: string;
}

/** An upstream answered 4xx: the caller gets the same status and the same reason. */
export class UpstreamRefusal extends Error {
  constructor(
    readonly upstream: UpstreamName,
    readonly status: number,
    readonly body: UpstreamRefusalBody,
    readonly retryAfter?: string,
  ) {
    super(`${upstream} refused: ${status} ${body.error}`);
    this.name = 'UpstreamRefusal';
  }
}

/** An upstream did not answer, timed out, or failed (5xx): the caller gets 503. */
export class UpstreamUnavailable extends Error {
  constructor(
    readonly upstream: UpstreamName,
    readonly detail: string,
  ) {
    super(`${upstream} unavailable: ${detail}`);
    this.name = 'UpstreamUnavailable';
  }
}

/** An upstream answered something its contract does not allow: the caller gets 502. */
export class UpstreamInvalidAnswer extends Error {
  constructor(
    readonly upstream: UpstreamName,
    readonly detail: string,
  ) {
    super(`${upstream} answered outside its contract: ${detail}`);
    this.name = 'UpstreamInvalidAnswer';
  }
}
