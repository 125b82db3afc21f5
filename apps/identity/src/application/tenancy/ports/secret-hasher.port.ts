/** One-way hashing of secrets we only ever compare (application secrets, agent passwords). */
export interface SecretHasher {
  /** A self-describing hash: algorithm, parameters and salt travel in the string. */
  hash(secret: string): Promise<string>;
  /** Constant-time comparison; false for a malformed hash rather than an error. */
  verify(secret: string, hash: string): Promise<boolean>;
}

export const SECRET_HASHER = Symbol('SECRET_HASHER');
