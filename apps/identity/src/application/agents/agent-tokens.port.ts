/** What an agent token asserts once its signature verified: who signed in, to which organization. */
export interface AgentClaims {
  agentId: string;
  organizationDomain: string;
  email: string;
  name: string;
  expiresAt: Date;
}

export type AgentTokenRejection = 'malformed' | 'bad-signature' | 'expired';

export type AgentTokenCheck =
  { ok: true; claims: AgentClaims; keyId: string } | { ok: false; reason: AgentTokenRejection };

/**
 * Signs and checks agent tokens. They are a token kind of their own: a device session token is
 * never accepted as an agent token, nor the other way round.
 */
export interface AgentTokens {
  sign(claims: AgentClaims): string;
  /** Checks form, key id and signature (constant time), then expiry against `now`. */
  check(token: string, now: Date): AgentTokenCheck;
}

export const AGENT_TOKENS = Symbol('AGENT_TOKENS');
