import type { mongo } from 'mongoose';
import type { ProjectionDocument } from './projection';
import { isDuplicateKeyError } from './store-errors';

/** The document an event updates and the stream position the event holds. */
export interface StreamTarget {
  _id: string;
  streamId: string;
  streamVersion: number;
}

/** The update operators a projection may use (FerretDB has no positional `$` or `arrayFilters`). */
export type ProjectionUpdate = Pick<
  mongo.UpdateFilter<mongo.Document>,
  '$set' | '$setOnInsert' | '$inc' | '$min' | '$max' | '$unset' | '$push' | '$addToSet' | '$pull'
>;

export type ApplyOutcome = 'applied' | 'already-applied';

const reserved = ['_id', 'streamId', 'streamVersion', 'schemaVersion'];

/**
 * Applies `update` to the document of one stream only if the document has not seen this stream
 * version yet (STYLE.md, "Idempotent projections"). One write: it filters on stored version <
 * event version, sets the new version, and upserts with `$setOnInsert` on first sight. When the
 * document already holds this version or a later one, the filter matches nothing, the upsert then
 * collides on `_id`, and that duplicate key is the no-op, reported as `already-applied`.
 */
export async function applyOnce(
  collection: mongo.Collection<ProjectionDocument>,
  target: StreamTarget,
  update: ProjectionUpdate,
  options: { schemaVersion?: number } = {},
): Promise<ApplyOutcome> {
  for (const [operator, fields] of Object.entries(update)) {
    const clash = Object.keys(fields ?? {}).find((f) => reserved.includes(f.split('.')[0] ?? ''));
    if (clash) throw new Error(`applyOnce owns ${clash}; the update sets it with ${operator}`);
  }
  const filter = {
    _id: target._id,
    streamId: target.streamId,
    streamVersion: { $lt: target.streamVersion },
  };
  const versioned = {
    ...update,
    $set: {
      ...update.$set,
      streamVersion: target.streamVersion,
      ...(options.schemaVersion === undefined ? {} : { schemaVersion: options.schemaVersion }),
    },
  };
  try {
    // The driver's typing of $inc/$set over an open document shape is too narrow for dynamic paths.
    await collection.updateOne(filter, versioned as mongo.UpdateFilter<ProjectionDocument>, {
      upsert: true,
    });
    return 'applied';
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const stored = await collection.findOne(
      { _id: target._id },
      { projection: { streamId: 1, streamVersion: 1 } },
    );
    if (!stored) throw error;
    if (stored.streamId !== target.streamId) {
      throw new Error(
        `document ${target._id} belongs to stream ${String(stored.streamId)}, not ${target.streamId}`,
      );
    }
    if (typeof stored.streamVersion === 'number' && stored.streamVersion >= target.streamVersion) {
      return 'already-applied';
    }
    // Another unique index refused the write: a real conflict, not a redelivery.
    throw error;
  }
}
