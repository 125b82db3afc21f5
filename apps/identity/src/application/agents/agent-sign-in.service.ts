import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@threadline/eventing';
import {
  APPLICATIONS_READ_MODEL,
  type ApplicationsReadModel,
} from '../tenancy/ports/applications.read-model.port';
import { SECRET_HASHER, type SecretHasher } from '../tenancy/ports/secret-hasher.port';
import {
  AGENT_CREDENTIALS,
  AGENT_SIGN_IN_CLOCK,
  AGENT_SIGN_IN_SETTINGS,
  type AgentCredentialsLookup,
  type AgentSignInSettings,
} from './agent-credentials.port';
import {
  AGENT_TOKENS,
  type AgentClaims,
  type AgentTokenRejection,
  type AgentTokens,
} from './agent-tokens.port';

export interface AgentSignInRequest {
  organizationDomain: string;
  email: string;
  password: string;
}

/** What a successful sign-in answers (the gateway's `AgentSession`). */
export interface AgentSignedIn {
  agentToken: string;
  expiresAt: string;
  agent: { agentId: string; name: string; email: string; organizationDomain: string };
  applications: { applicationId: string; name: string }[];
}

export type AgentVerification =
  { ok: true; claims: AgentClaims } | { ok: false; reason: AgentTokenRejection };

/**
 * Agents sign in to their organization (S14) and get a signed, expiring token the gateway checks
 * on every request. The password is read from the agent's own stream, so an agent can sign in as
 * soon as it was created.
 */
@Injectable()
export class AgentSignIn {
  private decoyHash?: Promise<string>;

  constructor(
    @Inject(AGENT_CREDENTIALS) private readonly agents: AgentCredentialsLookup,
    @Inject(APPLICATIONS_READ_MODEL) private readonly applications: ApplicationsReadModel,
    @Inject(SECRET_HASHER) private readonly hasher: SecretHasher,
    @Inject(AGENT_TOKENS) private readonly tokens: AgentTokens,
    @Inject(AGENT_SIGN_IN_CLOCK) private readonly clock: Clock,
    @Inject(AGENT_SIGN_IN_SETTINGS) private readonly settings: AgentSignInSettings,
  ) {}

  /** Null for an unknown organization, an unknown email and a wrong password alike. */
  async signIn(request: AgentSignInRequest): Promise<AgentSignedIn | null> {
    const email = request.email.trim().toLowerCase();
    const agent = await this.agents.find(request.organizationDomain, email);
    // Without an agent a decoy scrypt runs, so timing does not tell which part was wrong.
    const matches = await this.hasher.verify(
      request.password,
      agent?.passwordHash ?? (await this.decoy()),
    );
    if (!agent || !matches) return null;

    const now = this.clock.now().getTime();
    const expiresAt = new Date(Math.floor(now / 1000) * 1000 + this.settings.ttlSeconds * 1000);
    const claims: AgentClaims = {
      agentId: agent.agentId,
      organizationDomain: agent.organizationDomain,
      email: agent.email,
      name: agent.name,
      expiresAt,
    };
    const applications = await this.applications.listByOrganization(agent.organizationDomain);
    return {
      agentToken: this.tokens.sign(claims),
      expiresAt: expiresAt.toISOString(),
      agent: {
        agentId: agent.agentId,
        name: agent.name,
        email: agent.email,
        organizationDomain: agent.organizationDomain,
      },
      applications: applications.map((app) => ({
        applicationId: app.applicationId,
        name: app.name ?? app.applicationId,
      })),
    };
  }

  verify(token: string): AgentVerification {
    const check = this.tokens.check(token, this.clock.now());
    return check.ok ? { ok: true, claims: check.claims } : check;
  }

  private decoy(): Promise<string> {
    this.decoyHash ??= this.hasher.hash(randomUUID());
    return this.decoyHash;
  }
}
