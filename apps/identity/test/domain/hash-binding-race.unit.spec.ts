import {
  AggregateRepository,
  InMemoryEventStore,
  retryOnConcurrency,
  type EventStore,
} from '@threadline/eventing';
import type { AuthenticateUser } from '../../src/domain/authenticate-user.command';
import type { AuthenticationOutcome } from '../../src/domain/authentication.outcome';
import { keyedHash } from '../../src/domain/keyed-hash';
import {
  decideAuthentication,
  userIdentityDecider,
  type UserIdentityState,
} from '../../src/domain/user-identity.decider';
import type { UserIdentityEvent } from '../../src/domain/user-identity.events';
import { userIdentityStreamId } from '../../src/domain/user-identity.stream';
import { userIdentityCodec } from '../../src/infrastructure/eventing/user-identity.codec';

const PEPPER = 'pepper-of-at-least-32-bytes-0001';
const metadata = { tenantId: 'app-1', correlationId: 'corr-1', causationId: 'cause-1' };
const streamId = userIdentityStreamId('app-1', '12345');

function anInit(securityHash: string, sessionId: string): AuthenticateUser {
  return {
    applicationId: 'app-1',
    userId: '12345',
    deviceId: `device-${sessionId}`,
    sessionId,
    profile: { name: 'Ann' },
    presentedSecurityHash: keyedHash(PEPPER, securityHash),
    identityVerification: 'none',
    now: new Date(),
  };
}

/** Holds every load until `parties` loads are in flight, so all of them read the same version. */
function raceAtLoad(inner: EventStore, parties: number): EventStore {
  let waiting: Array<() => void> = [];
  let raced = false;
  return {
    append: (id, expected, events) => inner.append(id, expected, events),
    async load(id, options) {
      if (!raced) {
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length === parties) {
            raced = true;
            waiting.forEach((release) => release());
            waiting = [];
          }
        });
      }
      return inner.load(id, options);
    },
  };
}

/** What the application handler does: load, decide, save at the loaded version, and on a lost race all again. */
function authenticate(
  repository: AggregateRepository<UserIdentityState, AuthenticateUser, UserIdentityEvent>,
  command: AuthenticateUser,
  retries: { count: number },
): Promise<AuthenticationOutcome> {
  return retryOnConcurrency(
    async () => {
      const aggregate = await repository.load(streamId);
      const { outcome } = decideAuthentication(command, aggregate.state);
      aggregate.execute(command);
      await repository.save(aggregate, metadata);
      return outcome;
    },
    { attempts: 3, onRetry: () => retries.count++ },
  );
}

describe('S6: binding is atomic through the stream version', () => {
  it('given two concurrent first inits with different hashes, then exactly one binds and the other is refused', async () => {
    const store = new InMemoryEventStore();
    const repository = new AggregateRepository(
      raceAtLoad(store, 2),
      userIdentityDecider,
      userIdentityCodec,
    );
    const retries = { count: 0 };

    const outcomes = await Promise.all([
      authenticate(repository, anInit('hash-a', 's-a'), retries),
      authenticate(repository, anInit('hash-b', 's-b'), retries),
    ]);

    expect(retries.count).toBe(1);
    expect(outcomes.filter((o) => o.kind === 'authenticated')).toEqual([
      expect.objectContaining({ hashBound: true }),
    ]);
    expect(outcomes.filter((o) => o.kind === 'rejected')).toEqual([
      { kind: 'rejected', reason: 'security-hash-mismatch' },
    ]);
    const stream = await store.load(streamId);
    expect(stream.map((e) => [e.streamVersion, e.type])).toEqual([
      [1, 'identity.user-authenticated'],
      [2, 'identity.hash-bound'],
      [3, 'identity.authentication-rejected'],
    ]);
    const winner = outcomes.findIndex((o) => o.kind === 'authenticated');
    expect(stream[1]?.payload).toEqual({
      userId: '12345',
      keyedHash: keyedHash(PEPPER, winner === 0 ? 'hash-a' : 'hash-b'),
    });
  });

  it('given two concurrent first inits with the same hash, then one binds and the other just authenticates', async () => {
    const store = new InMemoryEventStore();
    const repository = new AggregateRepository(
      raceAtLoad(store, 2),
      userIdentityDecider,
      userIdentityCodec,
    );
    const retries = { count: 0 };

    const outcomes = await Promise.all([
      authenticate(repository, anInit('hash-a', 's-1'), retries),
      authenticate(repository, anInit('hash-a', 's-2'), retries),
    ]);

    expect(outcomes.map((o) => o.kind)).toEqual(['authenticated', 'authenticated']);
    expect(outcomes.filter((o) => o.kind === 'authenticated' && o.hashBound)).toHaveLength(1);
    expect((await store.load(streamId)).map((e) => e.type)).toEqual([
      'identity.user-authenticated',
      'identity.hash-bound',
      'identity.user-authenticated',
    ]);
  });

  it('given a bound hash in the store, when a later init guesses, then the reloaded state refuses it', async () => {
    const store = new InMemoryEventStore();
    const repository = new AggregateRepository(store, userIdentityDecider, userIdentityCodec);
    await authenticate(repository, anInit('hash-a', 's-1'), { count: 0 });

    await expect(authenticate(repository, anInit('guess', 's-2'), { count: 0 })).resolves.toEqual({
      kind: 'rejected',
      reason: 'security-hash-mismatch',
    });
    await expect(
      authenticate(repository, anInit('hash-a', 's-3'), { count: 0 }),
    ).resolves.toMatchObject({
      kind: 'authenticated',
      profile: { name: 'Ann' },
    });
  });
});
