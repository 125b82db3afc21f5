import type { KnownEvent, WidgetInitUser } from '@threadline/contracts';
import {
  AggregateRepository,
  CachedAggregates,
  InMemoryEventStore,
  type EventStore,
} from '@threadline/eventing';
import {
  AuthenticationRejectedError,
  userHashOf,
  userIdentityDecider,
  userIdentityStreamId,
  visitorDecider,
  WidgetCredentialsRejectedError,
} from '../../domain';
import { userIdentityCodec } from '../../infrastructure/eventing/user-identity.codec';
import { visitorCodec } from '../../infrastructure/eventing/visitor.codec';
import type { IssueSessionRequest, SessionIssuer } from '../sessions/session-issuer.port';
import type { ApplicationRecord, ApplicationsReadModel } from '../tenancy';
import type { IdentityKeySecrets } from '../tenancy/ports/identity-key-secrets.port';
import type { SecretHasher } from '../tenancy/ports/secret-hasher.port';
import { AuthenticateWidgetCommand } from './authenticate-widget.command';
import { AuthenticateWidgetHandler } from './authenticate-widget.handler';
import type { FailedGuesses } from './ports/failed-guesses.port';
import type {
  UserWidgetAuthentication,
  VisitorWidgetAuthentication,
} from './widget-authentication';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const PEPPER = Buffer.from('pepper-of-at-least-32-bytes-0001');
const IDENTITY_SECRET = 'identity-secret-of-at-least-32-bytes!!';
const NEXT_IDENTITY_SECRET = 'next-identity-secret-of-32-bytes-or-more';
const KEY_SECRETS: Record<string, string> = { key_1: IDENTITY_SECRET, key_2: NEXT_IDENTITY_SECRET };

/** Plain comparison stands in for scrypt: the handler only relies on the port's contract. */
const hasher: SecretHasher = {
  hash: async (secret) => `hash:${secret}`,
  verify: async (secret, hash) => hash === `hash:${secret}`,
};

function anApplication(overrides: Partial<ApplicationRecord> = {}): ApplicationRecord {
  return {
    organizationDomain: 'acme.example',
    applicationId: '123456',
    applicationSecretHash: 'hash:app-secret',
    allowedOrigins: ['https://acme.example'],
    identityVerification: 'none',
    identityKeys: [{ keyId: 'key_1', activeFrom: '2026-01-01T00:00:00.000Z' }],
    ...overrides,
  };
}

class InMemoryFailedGuesses implements FailedGuesses {
  readonly entries: { key: string; at: number }[] = [];
  async recent(app: string, address: string, since: Date, limit: number) {
    return this.entries
      .filter((e) => e.key === `${app}/${address}` && e.at > since.getTime())
      .map((e) => e.at)
      .slice(-limit);
  }
  async record(app: string, address: string, at: Date) {
    this.entries.push({ key: `${app}/${address}`, at: at.getTime() });
  }
}

/** Records every append so that "no event" is checkable across all streams. */
class RecordingStore extends InMemoryEventStore {
  readonly appended: KnownEvent[] = [];
  override async append(...args: Parameters<EventStore['append']>) {
    const result = await super.append(...args);
    this.appended.push(...result.events);
    return result;
  }
}

function setup(
  application: ApplicationRecord = anApplication(),
  store: EventStore = new RecordingStore({ now: () => NOW }),
) {
  const issued: IssueSessionRequest[] = [];
  const sessions: SessionIssuer = {
    issue: async (request) => {
      issued.push(request);
      return { token: `token-${request.sessionId}`, expiresAt: new Date('2026-12-23T10:00:00Z') };
    },
  };
  // What the applications read model holds now; a test may replace it, as a projection would.
  const readModel = { application, reads: 0 };
  const applications: ApplicationsReadModel = {
    find: async (domain, id) => {
      readModel.reads++;
      const current = readModel.application;
      return domain === current.organizationDomain && id === current.applicationId ? current : null;
    },
    listByOrganization: async () => [readModel.application],
  };
  const keySecrets: IdentityKeySecrets = {
    store: async () => undefined,
    reveal: async (app, keyId) =>
      app === application.applicationId ? (KEY_SECRETS[keyId] ?? null) : null,
    discard: async () => undefined,
  };
  const failedGuesses = new InMemoryFailedGuesses();
  let n = 0;
  const handler = new AuthenticateWidgetHandler(
    applications,
    hasher,
    keySecrets,
    new CachedAggregates(
      new AggregateRepository(store, userIdentityDecider, userIdentityCodec),
      userIdentityDecider,
      { maxStreams: 100, attempts: 5, isRefusal: () => false },
    ),
    new AggregateRepository(store, visitorDecider, visitorCodec),
    failedGuesses,
    sessions,
    {
      sessionId: () => `session-${++n}`,
      visitorId: () => `visitor-${++n}`,
      deviceToken: () => `device-token-${++n}`,
    },
    { now: () => NOW },
    PEPPER,
  );
  const init = (
    user?: WidgetInitUser,
    options: {
      domain?: string;
      app?: string;
      secret?: string;
      device?: string;
      address?: string;
    } = {},
  ) =>
    handler.execute(
      new AuthenticateWidgetCommand(
        options.domain ?? 'acme.example',
        options.app ?? '123456',
        options.secret ?? 'app-secret',
        user,
        options.device,
        options.address ?? '203.0.113.7',
        'corr-1',
      ),
    );
  return { init, store: store as RecordingStore, issued, failedGuesses, readModel };
}

const types = (events: KnownEvent[]) => events.map((e) => e.type);

describe('AuthenticateWidget: S1 credentials', () => {
  it.each([
    ['an unknown organization', { domain: 'other.example' }],
    ['an unknown application', { app: '654321' }],
    ['a wrong applicationSecret', { secret: 'app-secreT' }],
  ])('given %s, then 401 and nothing recorded or issued', async (_case, options) => {
    const { init, store, issued } = setup();
    await expect(init({ user_id: 'u-1', security_hash: 'h' }, options)).rejects.toBeInstanceOf(
      WidgetCredentialsRejectedError,
    );
    await expect(init(undefined, options)).rejects.toMatchObject({ httpStatus: 401 });
    expect(store.appended).toEqual([]);
    expect(issued).toEqual([]);
  });
});

describe('AuthenticateWidget: the application record remembered between inits', () => {
  it('given inits a moment apart, then the second reads no application record', async () => {
    const { init, readModel } = setup();
    await init({ user_id: 'u-1' });
    await init({ user_id: 'u-1' });
    expect(readModel.reads).toBe(1);
  });

  it('given a wrong secret against a remembered record, then 401 after one fresh read', async () => {
    const { init, readModel } = setup();
    await init({ user_id: 'u-1' });
    await expect(init({ user_id: 'u-1' }, { secret: 'wrong' })).rejects.toBeInstanceOf(
      WidgetCredentialsRejectedError,
    );
    expect(readModel.reads).toBe(2);
  });

  it('given the secret changed since the record was remembered, then the new secret is accepted at once', async () => {
    const { init, readModel } = setup();
    await init({ user_id: 'u-1' });
    readModel.application = anApplication({ applicationSecretHash: 'hash:rotated-secret' });
    await expect(init({ user_id: 'u-1' }, { secret: 'rotated-secret' })).resolves.toMatchObject({
      mode: 'user',
    });
  });
});

describe('AuthenticateWidget: S4 anonymous visitors', () => {
  it('given no user_id and no device token, then a visitor starts with the prefill and a fresh device token', async () => {
    const { init, store, issued } = setup();
    const result = (await init({
      name: 'Ann',
      email: 'ann@acme.example',
    })) as VisitorWidgetAuthentication;
    expect(result).toMatchObject({
      mode: 'visitor',
      visitorId: expect.stringMatching(/^visitor-/),
      deviceToken: expect.stringMatching(/^device-token-/),
      preChatForm: { name: 'Ann', email: 'ann@acme.example' },
      generatedName: expect.stringMatching(/^\w+ \w+ \(anonym\)$/),
      sessionToken: expect.stringMatching(/^token-/),
      expiresAt: '2026-12-23T10:00:00.000Z',
    });
    expect(types(store.appended)).toEqual(['identity.visitor-started']);
    expect(JSON.stringify(store.appended)).not.toContain(result.deviceToken);
    expect(issued).toEqual([
      expect.objectContaining({ subject: { kind: 'visitor', id: result.visitorId } }),
    ]);
  });

  it('given the device token of an earlier init, then the same visitor and no new event', async () => {
    const { init, store } = setup();
    const first = (await init(undefined, {
      device: 'browser-token-1',
    })) as VisitorWidgetAuthentication;
    const again = (await init(
      { name: 'Bo' },
      { device: 'browser-token-1' },
    )) as VisitorWidgetAuthentication;
    const other = (await init(undefined, {
      device: 'browser-token-2',
    })) as VisitorWidgetAuthentication;
    expect(again).toMatchObject({
      visitorId: first.visitorId,
      generatedName: first.generatedName,
      deviceToken: 'browser-token-1',
      preChatForm: { name: 'Bo' },
    });
    expect(other.visitorId).not.toBe(first.visitorId);
    expect(types(store.appended)).toEqual(['identity.visitor-started', 'identity.visitor-started']);
  });
});

describe('AuthenticateWidget: S2, S5, S6 users', () => {
  it('given a first init with a security_hash, then authenticated, bound as a keyed hash, and a user session', async () => {
    const { init, store, issued } = setup();
    const result = (await init({
      user_id: 'u-1',
      security_hash: 'raw-hash',
    })) as UserWidgetAuthentication;
    expect(result).toMatchObject({
      mode: 'user',
      userId: 'u-1',
      displayName: expect.stringMatching(/\(anonym\)$/),
      profile: {},
      sessionId: expect.any(String),
      sessionToken: `token-${result.sessionId}`,
    });
    expect(types(store.appended)).toEqual(['identity.user-authenticated', 'identity.hash-bound']);
    expect(store.appended[0]?.streamId).toBe(userIdentityStreamId('123456', 'u-1'));
    expect(JSON.stringify(store.appended)).not.toContain('raw-hash');
    expect(issued).toEqual([
      expect.objectContaining({
        subject: { kind: 'user', id: 'u-1' },
        sessionId: result.sessionId,
      }),
    ]);
  });

  it('given a bound hash, when a different one comes, then 403 with the reason only, recorded, and a failed guess for the address', async () => {
    const { init, store, issued, failedGuesses } = setup();
    await init({
      user_id: 'u-1',
      security_hash: 'right',
      name: 'Ann Real',
      email: 'ann@real.example',
    });
    const refused = init({ user_id: 'u-1', security_hash: 'wrong' });
    await expect(refused).rejects.toBeInstanceOf(AuthenticationRejectedError);
    await expect(refused).rejects.toMatchObject({ reason: 'security-hash-mismatch' });
    await expect(init({ user_id: 'u-1' })).rejects.toMatchObject({
      reason: 'security-hash-missing',
    });
    expect(types(store.appended).slice(2)).toEqual([
      'identity.authentication-rejected',
      'identity.authentication-rejected',
    ]);
    expect(store.appended[2]?.payload).toEqual({
      userId: 'u-1',
      reason: 'security-hash-mismatch',
      clientAddress: '203.0.113.7',
    });
    expect(issued).toHaveLength(1);
    expect(failedGuesses.entries).toHaveLength(1); // a missing hash guesses nothing
  });

  it('given the same hash again, then authenticated with the profile on file', async () => {
    const { init } = setup();
    await init({ user_id: 'u-1', security_hash: 'h', name: 'Ann', company: 'Acme' });
    await expect(
      init({ user_id: 'u-1', security_hash: 'h', phone: '+1 555' }),
    ).resolves.toMatchObject({
      displayName: 'Ann',
      profile: { name: 'Ann', company: 'Acme', phone: '+1 555' },
    });
  });

  it('given five failed guesses from one address, when it guesses again, then rate limited with a retry time', async () => {
    const { init, failedGuesses } = setup();
    for (let i = 0; i < 5; i++)
      failedGuesses.entries.push({ key: '123456/203.0.113.7', at: NOW.getTime() - 1000 });
    await init({ user_id: 'u-2', security_hash: 'h' }, { address: '198.51.100.1' });
    await expect(init({ user_id: 'u-2', security_hash: 'h' })).rejects.toMatchObject({
      reason: 'rate-limited',
      retryAfterSeconds: 1,
    });
    await expect(
      init({ user_id: 'u-2', security_hash: 'h' }, { address: '198.51.100.1' }),
    ).resolves.toMatchObject({
      mode: 'user',
    });
  });

  it('given a process that remembers the user unbound, when another process bound a hash since, then a different hash is refused here too', async () => {
    const store = new RecordingStore({ now: () => NOW });
    const here = setup(anApplication(), store);
    const elsewhere = setup(anApplication(), store);
    await here.init({ user_id: 'u-4' });
    await elsewhere.init({ user_id: 'u-4', security_hash: 'theirs' });

    await expect(here.init({ user_id: 'u-4', security_hash: 'mine' })).rejects.toMatchObject({
      reason: 'security-hash-mismatch',
    });
    await expect(here.init({ user_id: 'u-4' })).rejects.toMatchObject({
      reason: 'security-hash-missing',
    });
    expect(types(store.appended).filter((t) => t === 'identity.hash-bound')).toHaveLength(1);
  });

  it('given two concurrent first inits with different hashes, then one binds and the other is refused', async () => {
    const inner = new RecordingStore({ now: () => NOW });
    let waiting: (() => void)[] = [];
    const racing: EventStore = {
      append: (...args) => inner.append(...args),
      load: async (id, options) => {
        if (waiting.length < 2) {
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length === 2) waiting.forEach((release) => release());
          });
        }
        return inner.load(id, options);
      },
    };
    const { init } = setup(anApplication(), racing);
    const results = await Promise.allSettled([
      init({ user_id: 'u-3', security_hash: 'a' }),
      init({ user_id: 'u-3', security_hash: 'b' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { reason: 'security-hash-mismatch' },
    });
    expect(types(inner.appended).filter((t) => t === 'identity.hash-bound')).toHaveLength(1);
    waiting = [];
  });
});

describe('AuthenticateWidget: S7 required verification', () => {
  const required = anApplication({ identityVerification: 'required' });

  it('given a valid user_hash, then authenticated and verified by the key', async () => {
    const { init, issued } = setup(required);
    const userHash = userHashOf(IDENTITY_SECRET, 'u-1');
    await expect(init({ user_id: 'u-1', user_hash: userHash })).resolves.toMatchObject({
      mode: 'user',
      verifiedBy: 'key_1',
    });
    expect(issued[0]).toMatchObject({ verifiedBy: 'key_1' });
  });

  it.each([
    ['missing', {}, 'user-hash-missing'],
    [
      'invalid',
      { user_hash: userHashOf('another-secret-of-32-bytes-at-least!', 'u-1') },
      'user-hash-invalid',
    ],
  ])('given a %s user_hash, then 403 and recorded', async (_case, proof, reason) => {
    const { init, store } = setup(required);
    await expect(init({ user_id: 'u-1', ...proof })).rejects.toMatchObject({ reason });
    expect(store.appended.map((e) => e.payload)).toEqual([expect.objectContaining({ reason })]);
  });

  it('given a key added since the record was remembered, then its user_hash verifies at once', async () => {
    const { init, readModel } = setup(required);
    await init({ user_id: 'u-1', user_hash: userHashOf(IDENTITY_SECRET, 'u-1') });
    readModel.application = anApplication({
      identityVerification: 'required',
      identityKeys: [
        { keyId: 'key_1', activeFrom: '2026-01-01T00:00:00.000Z' },
        { keyId: 'key_2', activeFrom: '2026-11-01T00:00:00.000Z' },
      ],
    });
    await expect(
      init({ user_id: 'u-2', user_hash: userHashOf(NEXT_IDENTITY_SECRET, 'u-2') }),
    ).resolves.toMatchObject({ verifiedBy: 'key_2' });
  });

  it('given a retired key, then its user_hash no longer verifies', async () => {
    const retired = anApplication({
      identityVerification: 'required',
      identityKeys: [
        {
          keyId: 'key_1',
          activeFrom: '2026-01-01T00:00:00.000Z',
          retiresAt: '2026-11-01T00:00:00.000Z',
        },
      ],
    });
    const { init } = setup(retired);
    await expect(
      init({ user_id: 'u-1', user_hash: userHashOf(IDENTITY_SECRET, 'u-1') }),
    ).rejects.toMatchObject({ reason: 'user-hash-invalid' });
  });
});
