import {
  eventsTopic,
  type SessionEndedV1,
  type TypedEvent,
  type UserAuthenticatedV1,
  type VisitorStartedV1,
} from '@threadline/contracts';
import {
  defineProjection,
  KeyedLanes,
  type Projection,
  type ProjectionContext,
  type ProjectionDocument,
} from '@threadline/eventing';

export const SESSIONS_COLLECTION = 'sessions';

/**
 * One device session (S8), keyed by session id. The document belongs to the session's stream
 * (`session-<id>`, where its end is recorded); its start comes from the user or visitor stream.
 */
export interface SessionDocument extends ProjectionDocument {
  applicationId: string;
  subject?: { kind: 'user' | 'visitor'; id: string };
  deviceId?: string;
  startedAt?: Date;
  /** Where the start was recorded: that stream and its version. */
  startedBy?: { streamId: string; streamVersion: number };
  endedAt?: Date;
  endReason?: 'logout' | 'revoked' | 'expired';
}

type SessionEvent = TypedEvent<
  typeof UserAuthenticatedV1 | typeof VisitorStartedV1 | typeof SessionEndedV1
>;

function isSessionEvent(event: { type: string }): event is SessionEvent {
  return (
    event.type === 'identity.user-authenticated' ||
    event.type === 'identity.visitor-started' ||
    event.type === 'identity.session-ended'
  );
}

const sessionStream = (sessionId: string) => `session-${sessionId}`;

/**
 * The `sessions` read model, rebuildable by replay (S15); the session check of the gateway reads
 * `endedAt` from it. Start and end come from different streams, so from different partitions and
 * in either order: the end goes through `applyOnce` on the session stream, and the start, which
 * is one event that names a fresh session id, writes only its own fields, the same ones each time.
 * A replay applies the two streams in parallel, and FerretDB can lose one of two concurrent
 * updates of a document: writes of one session take turns.
 */
export function sessionsProjection(
  overrides: { topics?: readonly string[]; collection?: string } = {},
): Projection {
  const lanes = new KeyedLanes();
  return defineProjection({
    name: 'sessions',
    topics: overrides.topics ?? [eventsTopic('identity')],
    collection: overrides.collection ?? SESSIONS_COLLECTION,
    schemaVersion: 1,
    async setup(collection) {
      await collection.createIndex({ applicationId: 1, 'subject.id': 1 });
    },
    async apply(event, ctx) {
      if (!isSessionEvent(event)) return;
      const sessionId = event.payload.sessionId;
      // A start without a session (an init that issued none) writes nothing.
      if (sessionId === undefined) return;
      const key = `${ctx.collection.collectionName}/${sessionId}`;
      await lanes.run(key, () => applySessionEvent(event, sessionId, ctx));
    },
  });
}

async function applySessionEvent(
  event: SessionEvent,
  sessionId: string,
  ctx: ProjectionContext,
): Promise<void> {
  switch (event.type) {
    case 'identity.user-authenticated':
    case 'identity.visitor-started': {
      const p = event.payload;
      const subject =
        event.type === 'identity.user-authenticated'
          ? { kind: 'user', id: event.payload.userId }
          : { kind: 'visitor', id: event.payload.visitorId };
      await ctx.collection.updateOne(
        { _id: sessionId },
        {
          $set: {
            applicationId: event.tenantId,
            subject,
            deviceId: p.deviceId,
            startedAt: new Date(event.occurredAt),
            startedBy: { streamId: event.streamId, streamVersion: event.streamVersion },
          },
          $setOnInsert: {
            streamId: sessionStream(sessionId),
            streamVersion: 0,
            schemaVersion: ctx.schemaVersion,
          },
        },
        { upsert: true },
      );
      return;
    }
    case 'identity.session-ended':
      await ctx.applyOnce(
        {
          _id: sessionId,
          streamId: event.streamId,
          streamVersion: event.streamVersion,
        },
        {
          $set: { endedAt: new Date(event.occurredAt), endReason: event.payload.reason },
          $setOnInsert: { applicationId: event.tenantId },
        },
      );
      return;
    default: {
      const never: never = event;
      return never;
    }
  }
}
