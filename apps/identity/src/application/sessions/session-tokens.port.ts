import type { SessionSubject } from './session-issuer.port';

/** What a device session token asserts; signed, so none of it is taken on trust unverified. */
export interface SessionClaims {
  sessionId: string;
  applicationId: string;
  subject: SessionSubject;
  deviceId: string;
  expiresAt: Date;
}

/** Why a token was refused (S8). `ended` comes from the sessions read model, not the token. */
export type SessionRejection = 'malformed' | 'bad-signature' | 'expired' | 'ended';

export type TokenCheck =
  | { ok: true; claims: SessionClaims; keyId: string }
  | { ok: false; reason: Exclude<SessionRejection, 'ended'> };

/** Signs and checks device session tokens; the key ring and format live in the adapter. */
export interface SessionTokens {
  /** Signs with the current key. */
  sign(claims: SessionClaims): string;
  /** Checks form, key id and signature (constant time), then expiry against `now`. */
  check(token: string, now: Date): TokenCheck;
}

export const SESSION_TOKENS = Symbol('SESSION_TOKENS');
