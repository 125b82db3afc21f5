import type { EventEnvelope, KnownEvent, ServiceName } from '@threadline/contracts';
import type { mongo } from 'mongoose';
import type { EventDecoder } from '../upcasting';
import type { ApplyOutcome, ProjectionUpdate, StreamTarget } from './apply-once';

/** A read-model document: what `applyOnce` keeps beside the projection's own fields. */
export interface ProjectionDocument extends mongo.Document {
  _id: string;
  streamId: string;
  /** The last stream version applied to this document. */
  streamVersion: number;
  schemaVersion: number;
}

/** What a projection may touch while it applies one event. */
export interface ProjectionContext {
  /** The live collection, or a fresh one while a replay rebuilds the projection. */
  readonly collection: mongo.Collection<ProjectionDocument>;
  readonly schemaVersion: number;
  /** {@link applyOnce} bound to this context's collection and schema version. */
  applyOnce(target: StreamTarget, update: ProjectionUpdate): Promise<ApplyOutcome>;
}

/**
 * A read model built from topics. `apply` must be idempotent (delivery is at-least-once; use
 * `ctx.applyOnce`) and depend on nothing but the event and the collection: no clock, no random
 * ids, no other collection. A replay runs the same code and must produce the same documents.
 */
export interface Projection<E extends EventEnvelope = KnownEvent> {
  /** kebab-case; part of the consumer group id. */
  readonly name: string;
  readonly topics: readonly string[];
  readonly collection: string;
  /** Raising it starts a new consumer group from offset 0: a rebuild. */
  readonly schemaVersion: number;
  /** Decodes records for this projection; default: every platform contract and upcaster. */
  readonly decoder?: EventDecoder<E>;
  /** Creates indexes. Runs on the live collection at start and on every rebuilt collection. */
  setup?(collection: mongo.Collection<ProjectionDocument>): Promise<void>;
  apply(event: E, ctx: ProjectionContext): Promise<void>;
}

const kebab = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
// Room is left for the `__rebuild_<timestamp>` and `__as_of_<time>` suffixes replay appends.
const collectionName = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

/** Checks a projection's names once, where it is declared, rather than when a consumer joins. */
export function defineProjection<E extends EventEnvelope>(
  projection: Projection<E>,
): Projection<E> {
  if (!kebab.test(projection.name)) {
    throw new Error(`projection name "${projection.name}" must be kebab-case`);
  }
  if (!collectionName.test(projection.collection) || projection.collection.includes('__')) {
    throw new Error(
      `collection "${projection.collection}" of projection ${projection.name} must be letters, digits and single underscores`,
    );
  }
  if (!Number.isInteger(projection.schemaVersion) || projection.schemaVersion < 1) {
    throw new Error(`schemaVersion of projection ${projection.name} must be a positive integer`);
  }
  if (projection.topics.length === 0) {
    throw new Error(`projection ${projection.name} reads no topic`);
  }
  return projection;
}

/** The live consumer group of a projection: `<service>.<projection>.v<schemaVersion>`. */
export function projectionGroupId(
  service: ServiceName,
  projection: Pick<Projection<never>, 'name' | 'schemaVersion'>,
): string {
  return `${service}.${projection.name}.v${projection.schemaVersion}`;
}
