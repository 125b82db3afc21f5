import type { ProfileFields } from '../../domain';

interface IssuedSessionFields {
  sessionId: string;
  /** The device session token (S8) the widget presents from now on. */
  sessionToken: string;
  /** ISO 8601. */
  expiresAt: string;
  /** The device token the widget keeps for this browser (S4); a new one when it sent none. */
  deviceToken: string;
}

/** S2: the init's `user_id` passed every check. */
export interface UserWidgetAuthentication extends IssuedSessionFields {
  mode: 'user';
  userId: string;
  /** The name on file, or the generated one (S5). */
  displayName: string;
  profile: ProfileFields;
  /** S7: the identity key that verified the signed identity. */
  verifiedBy?: string;
}

/** S4: an anonymous visitor, one per device; the pre-chat form is prefilled from the init. */
export interface VisitorWidgetAuthentication extends IssuedSessionFields {
  mode: 'visitor';
  visitorId: string;
  generatedName: string;
  preChatForm: { name?: string; email?: string };
}

/** What `POST /internal/widget/auth` answers with 200. */
export type WidgetAuthentication = UserWidgetAuthentication | VisitorWidgetAuthentication;
