import type { KnownEvent } from '@threadline/contracts';
import type { Connection, Types } from 'mongoose';
import { throughput, timed, type Figure } from '../measure';
import { chunk } from '../sample-events';

/** A document shaped like one of the event store's unpublished commits, of one event. */
function commitShaped(e: KnownEvent) {
  return { streamId: e.streamId, version: e.streamVersion, events: [e], published: false };
}

/** Raw insertMany of the same documents the event store writes, batch by batch. */
export async function rawInsertMany(
  db: Connection,
  collection: string,
  events: KnownEvent[],
): Promise<Figure> {
  const target = db.collection(collection);
  const { elapsedMs } = await timed(async () => {
    for (const batch of chunk(events, 1_000)) {
      await target.insertMany(batch.map(commitShaped), { ordered: false });
    }
  });
  return throughput('raw insertMany', events.length, elapsedMs, 'docs/s');
}

/**
 * FerretDB 1.24.2 on PostgreSQL runs the updates of one bulkWrite on parallel pool connections and
 * deadlocks once a batch outgrows its pool (~50): a 200-update batch never returns. Batches stay small.
 */
const bulkUpdateBatch = 25;

/** Raw bulkWrite of upserts keyed by stream, the write shape of a projection; ordered, as a projection's must be. */
export async function rawBulkUpsert(
  db: Connection,
  collection: string,
  events: KnownEvent[],
): Promise<Figure> {
  const target = db.collection(collection);
  const { elapsedMs } = await timed(async () => {
    for (const batch of chunk(events, bulkUpdateBatch)) {
      await target.bulkWrite(
        batch.map((e) => ({
          updateOne: {
            filter: { _id: e.streamId as never },
            update: {
              $set: { lastVersion: e.streamVersion, lastAt: e.occurredAt },
              $inc: { events: 1 },
            },
            upsert: true,
          },
        })),
        { ordered: true },
      );
    }
  });
  return throughput('raw bulkWrite upserts', events.length, elapsedMs, 'ops/s');
}

export interface ConcurrentUpdatesOptions {
  writers: number;
  durationMs: number;
}

/**
 * Raw single-document updates by `_id` from concurrent writers, on documents shaped like the event
 * store's commits, each setting the published mark the outbox relay sets: a write no batching makes
 * cheaper on FerretDB, which applies the updates of an `updateMany` or a `bulkWrite` one document
 * at a time. Bounded by time; nothing else runs.
 */
export async function rawConcurrentUpdates(
  db: Connection,
  collection: string,
  events: KnownEvent[],
  options: ConcurrentUpdatesOptions,
): Promise<Figure> {
  const target = db.collection(collection);
  const ids: Types.ObjectId[] = [];
  for (const batch of chunk(events, 1_000)) {
    const { insertedIds } = await target.insertMany(batch.map(commitShaped));
    ids.push(...(Object.values(insertedIds) as Types.ObjectId[]));
  }
  let updates = 0;
  let next = 0;
  const deadline = Date.now() + options.durationMs;
  const writer = async () => {
    while (Date.now() < deadline) {
      const _id = ids[next++ % ids.length] as Types.ObjectId;
      await target.updateOne({ _id }, { $set: { published: true, publishedAt: new Date() } });
      updates++;
    }
  };
  const { elapsedMs } = await timed(() =>
    Promise.all(Array.from({ length: options.writers }, writer)),
  );
  return throughput(
    `raw updateOne by _id (${options.writers} writers, commit-shaped documents)`,
    updates,
    elapsedMs,
    'updates/s',
  );
}
