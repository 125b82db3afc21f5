import { createHmac, timingSafeEqual } from 'node:crypto';
import { usableKeys, type IdentityKeyRing } from './identity-key-ring';
import type { SignedIdentityVerification } from './signed-identity';

/** What the customer's backend computes: hex HMAC-SHA256(identity secret, user_id). */
export function userHashOf(secret: string, userId: string): string {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
}

/**
 * S7, `user.user_hash`: valid when some key usable at `now` produced it. Every usable key is
 * tried with a constant-time comparison, so timing does not tell which one nearly matched.
 */
export function verifyUserHash(
  userId: string,
  userHash: string,
  ring: IdentityKeyRing,
  now: Date,
): SignedIdentityVerification {
  if (!/^[0-9a-fA-F]{64}$/.test(userHash)) return { ok: false, reason: 'user-hash-invalid' };
  const presented = Buffer.from(userHash.toLowerCase(), 'hex');
  let verifiedBy: string | undefined;
  for (const key of usableKeys(ring, now)) {
    const expected = Buffer.from(userHashOf(key.secret, userId), 'hex');
    if (timingSafeEqual(presented, expected) && verifiedBy === undefined) verifiedBy = key.keyId;
  }
  return verifiedBy === undefined
    ? { ok: false, reason: 'user-hash-invalid' }
    : { ok: true, proof: 'user_hash', verifiedBy, signedProfile: {} };
}
