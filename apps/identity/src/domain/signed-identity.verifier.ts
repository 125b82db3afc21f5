import type { IdentityKeyRing } from './identity-key-ring';
import type { SignedIdentityVerification } from './signed-identity';
import { verifyUserHash } from './user-hash.verifier';
import { verifyUserJwt, type UserJwtOptions } from './user-jwt.verifier';

export interface SignedIdentityInput {
  userId: string;
  userHash?: string;
  userJwt?: string;
  ring: IdentityKeyRing;
  now: Date;
  /** Which proof the application asks for, to name the missing one; default `user_hash`. */
  expectedProof?: 'user_hash' | 'user_jwt';
  jwt?: UserJwtOptions;
}

/**
 * Checks the proof an init carries (S7). A `user_jwt` is checked when present (it may carry signed
 * attributes), otherwise the `user_hash`; with neither, the expected one is reported missing.
 */
export async function verifySignedIdentity(
  input: SignedIdentityInput,
): Promise<SignedIdentityVerification> {
  if (input.userJwt !== undefined) {
    return verifyUserJwt(input.userId, input.userJwt, input.ring, input.now, input.jwt);
  }
  if (input.userHash !== undefined) {
    return verifyUserHash(input.userId, input.userHash, input.ring, input.now);
  }
  return {
    ok: false,
    reason: input.expectedProof === 'user_jwt' ? 'user-jwt-missing' : 'user-hash-missing',
  };
}
