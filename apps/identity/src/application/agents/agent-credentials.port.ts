/** An agent as sign-in needs it: the scrypt hash of the password, never the password. */
export interface AgentCredentials {
  agentId: string;
  organizationDomain: string;
  email: string;
  name: string;
  passwordHash: string;
}

/** Finds an agent by (organization, email), the key its stream is named by. */
export interface AgentCredentialsLookup {
  /** Null when the organization has no agent with that (lower-case) email. */
  find(organizationDomain: string, email: string): Promise<AgentCredentials | null>;
}

export const AGENT_CREDENTIALS = Symbol('AGENT_CREDENTIALS');

export interface AgentSignInSettings {
  ttlSeconds: number;
}

export const AGENT_SIGN_IN_SETTINGS = Symbol('AGENT_SIGN_IN_SETTINGS');
export const AGENT_SIGN_IN_CLOCK = Symbol('AGENT_SIGN_IN_CLOCK');
