import { z } from 'zod';

/** Ids and free-text fields are bounded everywhere: nothing from outside is unbounded. */
export const StreamId = z.string().min(1).max(512);
export const TenantId = z.string().min(1).max(128);

/**
 * The wire form of every event on every topic (ARCHITECTURE.md, "Events"). An event is never
 * rewritten: a breaking change gets a new `version`, and consumers upcast old versions on read.
 */
export const EventEnvelope = z.strictObject({
  /** UUIDv7, set by the producer: time-ordered, unique across services. */
  eventId: z.uuid({ version: 'v7' }),
  /** Stable dotted name, `<service>.<event-name>`; never a class name. */
  type: z.string().regex(/^[a-z]+\.[a-z]+(?:-[a-z]+)*$/, 'must look like "service.event-name"'),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: false }),
  /** The application the event belongs to; tenancy is enforced on it (S17). */
  tenantId: TenantId,
  streamId: StreamId,
  /** Position of this event in its stream, starting at 1. */
  streamVersion: z.number().int().positive(),
  correlationId: z.string().min(1).max(128),
  causationId: z.string().min(1).max(128),
  payload: z.unknown(),
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;

/** Declares one version of one event type: its name on the wire and the schema of its payload. */
export interface EventContract<
  TType extends string,
  TVersion extends number,
  TPayload extends z.ZodType,
> {
  type: TType;
  version: TVersion;
  payload: TPayload;
}

export function defineEvent<
  TType extends string,
  TVersion extends number,
  TPayload extends z.ZodType,
>(type: TType, version: TVersion, payload: TPayload): EventContract<TType, TVersion, TPayload> {
  return { type, version, payload };
}

/** An envelope whose payload has been validated against its contract. */
export type TypedEvent<C> =
  C extends EventContract<infer TType, infer TVersion, infer TPayload>
    ? Omit<EventEnvelope, 'type' | 'version' | 'payload'> & {
        type: TType;
        version: TVersion;
        payload: z.infer<TPayload>;
      }
    : never;
