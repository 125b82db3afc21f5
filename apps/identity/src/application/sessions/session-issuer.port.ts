/** Who a device session belongs to: an authenticated user (S2) or an anonymous visitor (S4). */
export interface SessionSubject {
  kind: 'user' | 'visitor';
  /** The `user_id` for a user, the visitor id for a visitor. */
  id: string;
}

/** What widget authentication asks for once an init succeeded. */
export interface IssueSessionRequest {
  applicationId: string;
  subject: SessionSubject;
  /** The session id the authentication event recorded. */
  sessionId: string;
  /** The device (browser) the session lives on; the visitor's device token id for visitors. */
  deviceId: string;
  /** S7: the identity key that verified the signed identity, when one did. */
  verifiedBy?: string;
}

/** A device session token as the widget stores it. */
export interface IssuedSession {
  token: string;
  /** When the token stops verifying. */
  expiresAt: Date;
}

/**
 * Issues device session tokens (S8). Widget authentication calls it after the authentication
 * events were appended; the sessions module implements it.
 */
export interface SessionIssuer {
  issue(request: IssueSessionRequest): Promise<IssuedSession>;
}

export const SESSION_ISSUER = Symbol('SESSION_ISSUER');
