import type { RejectionReason } from './rejection-reason';
import type { CustomData, ProfileFields } from './user-profile';

/** S2: an init with a `user_id` passed every check; `profile` is what it sent, signed fields winning. */
export interface UserAuthenticated {
  type: 'UserAuthenticated';
  userId: string;
  deviceId: string;
  sessionId: string;
  profile: ProfileFields;
  /** S5: set while the user has no name on file. */
  generatedName?: string;
  /** S7: the key that verified the signed identity of this session. */
  verifiedBy?: string;
  /** S12: the anonymous visitor of this device before this login. */
  previousVisitorId?: string;
  /** S11: the init's `custom_data`, for the contact's attributes. */
  customData?: CustomData;
}

/** S6: the first `security_hash` of this user, stored only as its keyed hash. */
export interface HashBound {
  type: 'HashBound';
  userId: string;
  keyedHash: string;
}

/** S6, S7: a refused init, for audit and brute-force limits; never carries the presented secret. */
export interface AuthenticationRejected {
  type: 'AuthenticationRejected';
  userId: string;
  reason: RejectionReason;
  clientAddress?: string;
  /** ISO time of the refusal: the command's `now`, on reload the envelope's `occurredAt`. */
  at: string;
}

/** The events of one user's identity stream, per (application, `user_id`). */
export type UserIdentityEvent = UserAuthenticated | HashBound | AuthenticationRejected;
