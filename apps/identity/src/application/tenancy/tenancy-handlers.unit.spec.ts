import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { AggregateRepository, InMemoryEventStore } from '@threadline/eventing';
import {
  agentDecider,
  AgentEmailTakenError,
  applicationDecider,
  organizationDecider,
  OrganizationNotFoundError,
} from '../../domain/tenancy';
import { ScryptSecretHasher } from '../../infrastructure/crypto/scrypt-secret-hasher';
import {
  agentCodec,
  applicationCodec,
  organizationCodec,
} from '../../infrastructure/eventing/tenancy.codecs';
import {
  AGENT_REPOSITORY,
  APPLICATION_REPOSITORY,
  APPLICATIONS_READ_MODEL,
  CreateAgentCommand,
  IDENTITY_KEY_SECRETS,
  ORGANIZATION_REPOSITORY,
  RegisterApplicationCommand,
  RegisterOrganizationCommand,
  SECRET_HASHER,
  TENANCY_CLOCK,
  TENANCY_RANDOMNESS,
  tenancyHandlers,
  type IdentityKeySecrets,
  type TenancyRandomness,
} from '.';

class FakeSecrets implements IdentityKeySecrets {
  readonly stored = new Map<string, string>();
  async store(app: string, key: string, secret: string) {
    this.stored.set(`${app}/${key}`, secret);
  }
  async reveal(app: string, key: string) {
    return this.stored.get(`${app}/${key}`) ?? null;
  }
  async discard(app: string, key: string) {
    this.stored.delete(`${app}/${key}`);
  }
}

async function setup(applicationIds: string[]) {
  const store = new InMemoryEventStore();
  const secrets = new FakeSecrets();
  let n = 0;
  const random: TenancyRandomness = {
    applicationId: () => applicationIds.shift() ?? 'exhausted',
    applicationSecret: () => `APPSECRET-${++n}-xxxxxxxxxxxxxxxxxxxxxxxx`,
    identityKeyId: () => `key_${++n}`,
    identityKeySecret: () => `KEYSECRET-${++n}-xxxxxxxxxxxxxxxxxxxxxxxx`,
    agentId: () => `agent-${++n}`,
    password: () => `PASSWORD-${++n}-xxxxxxxx`,
  };
  @Module({
    imports: [CqrsModule.forRoot()],
    providers: [
      ...tenancyHandlers,
      {
        provide: ORGANIZATION_REPOSITORY,
        useValue: new AggregateRepository(store, organizationDecider, organizationCodec),
      },
      {
        provide: APPLICATION_REPOSITORY,
        useValue: new AggregateRepository(store, applicationDecider, applicationCodec),
      },
      {
        provide: AGENT_REPOSITORY,
        useValue: new AggregateRepository(store, agentDecider, agentCodec),
      },
      { provide: SECRET_HASHER, useValue: new ScryptSecretHasher() },
      { provide: IDENTITY_KEY_SECRETS, useValue: secrets },
      { provide: TENANCY_RANDOMNESS, useValue: random },
      { provide: TENANCY_CLOCK, useValue: { now: () => new Date('2026-11-23T10:00:00.000Z') } },
      { provide: APPLICATIONS_READ_MODEL, useValue: {} },
    ],
  })
  class TestModule {}
  const app = await NestFactory.createApplicationContext(TestModule, { logger: false });
  return { store, secrets, bus: app.get(CommandBus), close: () => app.close() };
}

describe('tenancy command handlers (in-memory store)', () => {
  it('given a taken application id, when an application is registered, then it retries with a fresh id', async () => {
    const { store, bus, secrets, close } = await setup(['111111', '111111', '222222']);
    try {
      await bus.execute(new RegisterOrganizationCommand('acme.example', 'Acme', 'c1'));
      await bus.execute(
        new RegisterApplicationCommand('acme.example', 'A', ['https://a.example'], 'none', 'c2'),
      );
      const second = await bus.execute(
        new RegisterApplicationCommand(
          'acme.example',
          'B',
          ['https://b.example'],
          'required',
          'c3',
        ),
      );
      expect(second).toMatchObject({ applicationId: '222222', identityVerification: 'required' });
      expect(second.identityKey?.secret).toMatch(/^KEYSECRET/);
      // The secret of the attempt that lost the id was discarded; only the winner's remains.
      expect([...secrets.stored.keys()]).toEqual([`222222/${second.identityKey?.keyId}`]);
      const events = await store.load('application-222222');
      expect(events.map((e) => e.type)).toEqual([
        'identity.application-registered',
        'identity.identity-key-added',
      ]);
      const wire = JSON.stringify(events);
      expect(wire).not.toContain('APPSECRET');
      expect(wire).not.toContain('KEYSECRET');
    } finally {
      await close();
    }
  });

  it('given an unknown organization, when an application is registered, then it is refused', async () => {
    const { bus, close } = await setup(['333333']);
    try {
      await expect(
        bus.execute(
          new RegisterApplicationCommand('nope.example', 'A', ['https://a.example'], 'none', 'c'),
        ),
      ).rejects.toBeInstanceOf(OrganizationNotFoundError);
    } finally {
      await close();
    }
  });

  it('agent emails are unique per organization, not across organizations; no password on the wire', async () => {
    const { store, bus, close } = await setup([]);
    try {
      await bus.execute(new RegisterOrganizationCommand('acme.example', 'Acme', 'c1'));
      await bus.execute(new RegisterOrganizationCommand('globex.example', 'Globex', 'c2'));
      const ann = await bus.execute(
        new CreateAgentCommand('acme.example', 'ann@x.example', 'Ann', undefined, 'c3'),
      );
      expect(ann.password).toMatch(/^PASSWORD/);
      await expect(
        bus.execute(
          new CreateAgentCommand('acme.example', 'ann@x.example', 'Ann 2', 'long-enough-pw', 'c4'),
        ),
      ).rejects.toBeInstanceOf(AgentEmailTakenError);
      const other = await bus.execute(
        new CreateAgentCommand('globex.example', 'ann@x.example', 'Ann', 'long-enough-pw', 'c5'),
      );
      expect(other).not.toHaveProperty('password');
      const events = await store.load('agent-acme.example/ann@x.example');
      expect(events).toHaveLength(1);
      expect(events[0]?.tenantId).toBe('acme.example');
      expect(JSON.stringify(events)).not.toContain(ann.password);
    } finally {
      await close();
    }
  });
});
