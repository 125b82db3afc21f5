import type { ThrottleVerdict } from './brute-force.policy';
import type { KeyedHash } from './keyed-hash';
import type { SignedIdentityVerification } from './signed-identity';
import type { CustomData, ProfileFields } from './user-profile';

/**
 * A widget init with a `user_id` (S2), after the application was found and its secret checked
 * (S1). The handler computes the keyed hash, verifies the signed identity and looks up the client
 * address's failures before deciding, because those need secrets, async work or another store.
 */
export interface AuthenticateUser {
  applicationId: string;
  userId: string;
  deviceId: string;
  sessionId: string;
  /** The unsigned profile fields the init sent. */
  profile: ProfileFields;
  /** The init's `custom_data` (S11), when it carried any. */
  customData?: CustomData;
  /** `keyedHash(pepper, user.security_hash)`, when the init carried one (S6). */
  presentedSecurityHash?: KeyedHash;
  /** The application's setting (S7). */
  identityVerification: 'none' | 'required';
  /** The result of `verifySignedIdentity`, when a proof was checked. */
  signedIdentity?: SignedIdentityVerification;
  clientAddress?: string;
  /** S12: the anonymous visitor this device was before, when it was one. */
  previousVisitorId?: string;
  /** `evaluateThrottle` over the client address's recent failures; unset means allowed. */
  addressThrottle?: ThrottleVerdict;
  now: Date;
}
