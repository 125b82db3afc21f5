import type { KnownEvent } from '@threadline/contracts';
import {
  createProjectionContext,
  type Projection,
  type ProjectionDocument,
} from '@threadline/eventing';
import { connectToFreshDatabase, dropAndClose, uniqueName } from '@threadline/testing';
import type { Connection, mongo } from 'mongoose';
import { identitiesProjection } from '../src/infrastructure/mongo/identities.projection';
import { sessionsProjection } from '../src/infrastructure/mongo/sessions.projection';

let seq = 0;
const envelope = (streamId: string, streamVersion: number, occurredAt: string) => ({
  eventId: `019aaf00-0000-7000-8000-${String(++seq).padStart(12, '0')}`,
  version: 1 as const,
  occurredAt,
  tenantId: 'app-1',
  streamId,
  streamVersion,
  correlationId: 'corr-1',
  causationId: 'cause-1',
});
const userStream = 'user-app-1-abc';
const aUserAuthenticated = (
  streamVersion: number,
  payload: Partial<Extract<KnownEvent, { type: 'identity.user-authenticated' }>['payload']> = {},
): KnownEvent => ({
  ...envelope(userStream, streamVersion, '2026-11-23T10:00:00.000Z'),
  type: 'identity.user-authenticated',
  payload: { userId: 'u-1', deviceId: 'dev-1', sessionId: 's1', profile: {}, ...payload },
});
const aHashBound = (streamVersion: number): KnownEvent => ({
  ...envelope(userStream, streamVersion, '2026-11-23T10:00:00.000Z'),
  type: 'identity.hash-bound',
  payload: { userId: 'u-1', keyedHash: 'kh1:secret-keyed-hash' },
});
const aRejection = (streamVersion: number): KnownEvent => ({
  ...envelope(userStream, streamVersion, '2026-11-23T10:01:00.000Z'),
  type: 'identity.authentication-rejected',
  payload: { userId: 'u-1', reason: 'security-hash-mismatch' },
});
const aVisitorStarted = (sessionId?: string): KnownEvent => ({
  ...envelope('visitor-app-1-def', 1, '2026-11-23T09:00:00.000Z'),
  type: 'identity.visitor-started',
  payload: {
    visitorId: 'v-1',
    deviceId: 'dev-9',
    generatedName: 'Giant Duck (anonym)',
    prefill: {},
    ...(sessionId === undefined ? {} : { sessionId }),
  },
});
const aSessionEnded = (sessionId: string): KnownEvent => ({
  ...envelope(`session-${sessionId}`, 1, '2026-11-23T11:00:00.000Z'),
  type: 'identity.session-ended',
  payload: { sessionId, reason: 'logout' },
});

describe('identity read models on the real store', () => {
  let connection: Connection;
  let db: mongo.Db;

  beforeAll(async () => {
    connection = await connectToFreshDatabase('identity_projections');
    if (!connection.db) throw new Error('no db');
    db = connection.db;
  });

  afterAll(() => dropAndClose(connection));

  const applier = (projection: Projection, name: string) => {
    const collection = db.collection<ProjectionDocument>(name);
    const ctx = createProjectionContext(collection, projection.schemaVersion);
    return {
      collection,
      apply: async (...events: KnownEvent[]) => {
        for (const event of events) await projection.apply(event, ctx);
      },
    };
  };

  describe('identities', () => {
    it('given authentications, a binding and a refusal, then one document sums them up without the hash', async () => {
      const { collection, apply } = applier(
        identitiesProjection(),
        uniqueName('identities').replace(/-/g, '_'),
      );
      await apply(
        aUserAuthenticated(1, { generatedName: 'Giant Duck (anonym)' }),
        aHashBound(2),
        aUserAuthenticated(3, {
          sessionId: 's2',
          profile: { name: 'Ada', email: 'ada@example.com' },
          verifiedBy: 'key-1',
        }),
        aRejection(4),
      );
      const doc = await collection.findOne({ _id: userStream });
      expect(doc).toEqual({
        _id: userStream,
        streamId: userStream,
        streamVersion: 4,
        schemaVersion: 1,
        applicationId: 'app-1',
        userId: 'u-1',
        displayName: 'Ada',
        generatedName: 'Giant Duck (anonym)',
        profile: { name: 'Ada', email: 'ada@example.com' },
        hashBound: true,
        verifiedBy: 'key-1',
        lastAuthenticatedAt: new Date('2026-11-23T10:00:00.000Z'),
        rejections: 1,
      });
      expect(JSON.stringify(doc)).not.toContain('secret-keyed-hash');
    });

    it('given every event applied twice, then the document is unchanged', async () => {
      const { collection, apply } = applier(
        identitiesProjection(),
        uniqueName('identities').replace(/-/g, '_'),
      );
      const events = [aUserAuthenticated(1), aHashBound(2), aRejection(3)];
      await apply(...events);
      const once = await collection.findOne({ _id: userStream });
      await apply(...events);
      expect(await collection.findOne({ _id: userStream })).toEqual(once);
      expect(once).toMatchObject({ rejections: 1, hashBound: true, profile: {} });
      expect(once).not.toHaveProperty('displayName');
    });
  });

  describe('sessions', () => {
    it('given a start and an end, in either order, then one document with both', async () => {
      for (const order of ['start-first', 'end-first'] as const) {
        const { collection, apply } = applier(
          sessionsProjection(),
          uniqueName('sessions').replace(/-/g, '_'),
        );
        const start = aUserAuthenticated(5);
        const end = aSessionEnded('s1');
        await apply(...(order === 'start-first' ? [start, end] : [end, start]));
        expect(await collection.findOne({ _id: 's1' })).toEqual({
          _id: 's1',
          streamId: 'session-s1',
          streamVersion: 1,
          schemaVersion: 1,
          applicationId: 'app-1',
          subject: { kind: 'user', id: 'u-1' },
          deviceId: 'dev-1',
          startedAt: new Date('2026-11-23T10:00:00.000Z'),
          startedBy: { streamId: userStream, streamVersion: 5 },
          endedAt: new Date('2026-11-23T11:00:00.000Z'),
          endReason: 'logout',
        });
      }
    });

    it('given a visitor start with a session id, then a visitor session; without one, nothing', async () => {
      const { collection, apply } = applier(
        sessionsProjection(),
        uniqueName('sessions').replace(/-/g, '_'),
      );
      await apply(aVisitorStarted('sv'), aVisitorStarted());
      expect(await collection.countDocuments()).toBe(1);
      expect(await collection.findOne({ _id: 'sv' })).toMatchObject({
        subject: { kind: 'visitor', id: 'v-1' },
        deviceId: 'dev-9',
      });
      expect((await collection.findOne({ _id: 'sv' }))?.endedAt).toBeUndefined();
    });

    it('given start and end applied twice, then the document is unchanged', async () => {
      const { collection, apply } = applier(
        sessionsProjection(),
        uniqueName('sessions').replace(/-/g, '_'),
      );
      const events = [aUserAuthenticated(1), aSessionEnded('s1')];
      await apply(...events);
      const once = await collection.findOne({ _id: 's1' });
      await apply(...events, ...events);
      expect(await collection.findOne({ _id: 's1' })).toEqual(once);
    });
  });
});
