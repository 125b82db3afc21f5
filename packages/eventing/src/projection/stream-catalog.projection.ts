import { eventsTopic, type EventEnvelope, type ServiceName } from '@threadline/contracts';
import { defineProjection, type Projection, type ProjectionDocument } from './projection';

/** One stream as the catalog sees it: who owns it, how far it got, what happened in it. */
export interface StreamCatalogDocument extends ProjectionDocument {
  tenantId: string;
  eventCount: number;
  /** Events seen per type; the `.` of a type is stored as `:` (keys cannot contain dots). */
  eventTypes: Record<string, number>;
  firstOccurredAt: Date;
  lastOccurredAt: Date;
  lastEventType: string;
}

/** Event types are dotted, and FerretDB refuses dotted keys; `:` never occurs in a type. */
export function eventTypeKey(type: string): string {
  return type.replaceAll('.', ':');
}

/**
 * The projection every service runs over its own topic: one document per stream. It needs only
 * the envelope, so it works for every event type, present and future, and is the reference case
 * replay is checked against.
 */
export function streamCatalogProjection(
  service: ServiceName,
  overrides: { topics?: readonly string[]; collection?: string } = {},
): Projection<EventEnvelope> {
  return defineProjection<EventEnvelope>({
    name: 'stream-catalog',
    topics: overrides.topics ?? [eventsTopic(service)],
    collection: overrides.collection ?? 'stream_catalog',
    schemaVersion: 1,
    async setup(collection) {
      await collection.createIndex({ tenantId: 1, lastOccurredAt: -1 });
    },
    async apply(event, ctx) {
      const occurredAt = new Date(event.occurredAt);
      await ctx.applyOnce(
        { _id: event.streamId, streamId: event.streamId, streamVersion: event.streamVersion },
        {
          $setOnInsert: { tenantId: event.tenantId, firstOccurredAt: occurredAt },
          $set: { lastOccurredAt: occurredAt, lastEventType: event.type },
          $inc: { eventCount: 1, [`eventTypes.${eventTypeKey(event.type)}`]: 1 },
        },
      );
    },
  });
}
