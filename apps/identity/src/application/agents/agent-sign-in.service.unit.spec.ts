import { AggregateRepository, InMemoryEventStore } from '@threadline/eventing';
import { agentDecider } from '../../domain/tenancy';
import { EventStoreAgentCredentials } from '../../infrastructure/agents/event-store-agent-credentials';
import { HmacAgentTokens } from '../../infrastructure/agents/hmac-agent-tokens';
import { agentCodec } from '../../infrastructure/eventing/tenancy.codecs';
import {
  parseSessionKeyRing,
  type SessionKeyRing,
} from '../../infrastructure/sessions/session-key-ring';
import type { ApplicationRecord, ApplicationsReadModel } from '../tenancy';
import { tenancyStreams } from '../tenancy/ports/tenancy-repositories';
import type { SecretHasher } from '../tenancy/ports/secret-hasher.port';
import { AgentSignIn } from './agent-sign-in.service';

const NOW = new Date('2026-11-23T10:00:00.400Z');
const ring = parseSessionKeyRing(`k1:${'a'.repeat(32)}`) as SessionKeyRing;

/** Plain comparison stands in for scrypt; `verified` records every hash compared against. */
function recordingHasher() {
  const verified: string[] = [];
  const hasher: SecretHasher = {
    hash: async (secret) => `scrypt$test$${secret}`,
    verify: async (secret, hash) => {
      verified.push(hash);
      return hash === `scrypt$test$${secret}`;
    },
  };
  return { hasher, verified };
}

const anApplication = (applicationId: string, name?: string): ApplicationRecord => ({
  organizationDomain: 'acme.example',
  applicationId,
  ...(name === undefined ? {} : { name }),
  applicationSecretHash: 'hash:x',
  allowedOrigins: ['https://acme.example'],
  identityVerification: 'none',
  identityKeys: [],
});

async function setup() {
  const store = new InMemoryEventStore({ now: () => NOW });
  const agents = new AggregateRepository(store, agentDecider, agentCodec);
  await agents.execute(
    tenancyStreams.agent('acme.example', 'ann@acme.example'),
    {
      kind: 'create',
      agentId: 'agent-ann',
      organizationDomain: 'acme.example',
      organizationExists: true,
      email: 'ann@acme.example',
      name: 'Ann',
      passwordHash: 'scrypt$test$correct horse battery',
    },
    { tenantId: 'acme.example', correlationId: 'c1', causationId: 'c1' },
  );
  const applications: ApplicationsReadModel = {
    find: async () => null,
    listByOrganization: async (domain) =>
      domain === 'acme.example' ? [anApplication('111111', 'Site'), anApplication('222222')] : [],
  };
  const { hasher, verified } = recordingHasher();
  const tokens = new HmacAgentTokens(ring);
  const service = new AgentSignIn(
    new EventStoreAgentCredentials(store),
    applications,
    hasher,
    tokens,
    { now: () => NOW },
    { ttlSeconds: 3600 },
  );
  return { service, verified, tokens };
}

describe('agent sign-in (S14)', () => {
  it('given an agent, when the right password comes with any-case email, then a token, the agent and its applications', async () => {
    const { service } = await setup();
    const signedIn = await service.signIn({
      organizationDomain: 'acme.example',
      email: ' Ann@Acme.example ',
      password: 'correct horse battery',
    });
    expect(signedIn).toEqual({
      agentToken: expect.stringMatching(/^a1\./),
      expiresAt: '2026-11-23T11:00:00.000Z',
      agent: {
        agentId: 'agent-ann',
        name: 'Ann',
        email: 'ann@acme.example',
        organizationDomain: 'acme.example',
      },
      applications: [
        { applicationId: '111111', name: 'Site' },
        { applicationId: '222222', name: '222222' },
      ],
    });
    expect(service.verify(signedIn?.agentToken ?? '')).toEqual({
      ok: true,
      claims: {
        agentId: 'agent-ann',
        organizationDomain: 'acme.example',
        email: 'ann@acme.example',
        name: 'Ann',
        expiresAt: new Date('2026-11-23T11:00:00.000Z'),
      },
    });
  });

  it.each([
    ['a wrong password', 'acme.example', 'ann@acme.example', 'wrong'],
    ['an unknown email', 'acme.example', 'bob@acme.example', 'correct horse battery'],
    ['another organization', 'other.example', 'ann@acme.example', 'correct horse battery'],
  ])(
    'given %s, then no sign-in, after the same one password check',
    async (_case, domain, email, password) => {
      const { service, verified } = await setup();
      await expect(
        service.signIn({ organizationDomain: domain, email, password }),
      ).resolves.toBeNull();
      expect(verified).toHaveLength(1);
    },
  );

  it('given a token past its expiry, then verification says expired', async () => {
    const { service, tokens } = await setup();
    const token = tokens.sign({
      agentId: 'agent-ann',
      organizationDomain: 'acme.example',
      email: 'ann@acme.example',
      name: 'Ann',
      expiresAt: new Date('2026-11-23T10:00:00.000Z'),
    });
    expect(service.verify(token)).toEqual({ ok: false, reason: 'expired' });
  });
});
