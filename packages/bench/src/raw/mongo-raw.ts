import type { KnownEvent } from '@threadline/contracts';
import type { Connection } from 'mongoose';
import { throughput, timed, type Figure } from '../measure';
import { chunk } from '../sample-events';

/** Raw insertMany of the same documents the event store writes, batch by batch. */
export async function rawInsertMany(
  db: Connection,
  collection: string,
  events: KnownEvent[],
): Promise<Figure> {
  const target = db.collection(collection);
  const { elapsedMs } = await timed(async () => {
    for (const batch of chunk(events, 1_000)) {
      await target.insertMany(
        batch.map((e) => ({
          streamId: e.streamId,
          version: e.streamVersion,
          events: [e],
          published: false,
        })),
        { ordered: false },
      );
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
