/**
 * Identity-verification secrets (S7). They must be readable again to check HMACs and JWTs, so they
 * are stored encrypted, never hashed, and never put on a topic.
 */
export interface IdentityKeySecrets {
  store(applicationId: string, keyId: string, secret: string): Promise<void>;
  /** Null when the key is unknown for that application. */
  reveal(applicationId: string, keyId: string): Promise<string | null>;
  /** Drops a secret whose key never made it into the application's stream. */
  discard(applicationId: string, keyId: string): Promise<void>;
}

export const IDENTITY_KEY_SECRETS = Symbol('IDENTITY_KEY_SECRETS');
