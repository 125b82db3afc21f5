import type { SignedIdentityFailureReason } from './rejection-reason';
import type { ProfileFields } from './user-profile';

/** The result of checking the proof an application requires (S7), as the decider receives it. */
export type SignedIdentityVerification =
  | {
      ok: true;
      proof: 'user_hash' | 'user_jwt';
      /** The `keyId` that verified it; the session records it. */
      verifiedBy: string;
      /** Profile attributes inside the signed proof; they win over unsigned ones. */
      signedProfile: ProfileFields;
    }
  | { ok: false; reason: SignedIdentityFailureReason };
