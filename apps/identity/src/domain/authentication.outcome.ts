import type { RejectionReason } from './rejection-reason';
import type { UserIdentityEvent } from './user-identity.events';
import type { ProfileFields } from './user-profile';

/**
 * What the widget is told. A rejection carries nothing of the user: no profile, no name, no
 * history (S6 "a clean chat").
 */
export type AuthenticationOutcome =
  | {
      kind: 'authenticated';
      userId: string;
      deviceId: string;
      sessionId: string;
      /** The whole profile on file after this init. */
      profile: ProfileFields;
      /** `profile.name`, or the generated name (S5). */
      displayName: string;
      verifiedBy?: string;
      /** This init bound the user's `security_hash`. */
      hashBound: boolean;
    }
  | { kind: 'rejected'; reason: RejectionReason; retryAfterSeconds?: number };

/** The events to append (a rejection is recorded too) and the answer to give once they are. */
export interface AuthenticationDecision {
  events: UserIdentityEvent[];
  outcome: AuthenticationOutcome;
}
