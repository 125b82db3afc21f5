import type { Connection, Model } from 'mongoose';
import { systemClock, type Clock } from './clock.port';
import { isDuplicateKeyError } from './duplicate-key';
import { InvalidSnapshotError } from './invalid-snapshot.error';
import { snapshotModel, type SnapshotDocument } from './snapshot.schema';
import type { Snapshot, SnapshotStore } from './snapshot-store.port';
import { findUnstorableKey, toPlainJson } from './unstorable-key';

/** Snapshots in `snapshots`, keyed by stream id. */
export class MongoSnapshotStore implements SnapshotStore {
  private readonly snapshots: Model<SnapshotDocument>;

  constructor(
    connection: Connection,
    private readonly clock: Clock = systemClock,
  ) {
    this.snapshots = snapshotModel(connection);
  }

  async init(): Promise<void> {
    await this.snapshots.init();
  }

  async read<S>(streamId: string): Promise<Snapshot<S> | null> {
    const doc = await this.snapshots.findById(streamId).lean<SnapshotDocument>();
    if (!doc) return null;
    return {
      streamId: doc._id,
      version: doc.version,
      schemaVersion: doc.schemaVersion,
      state: doc.state as S,
    };
  }

  async write<S>(snapshot: Snapshot<S>): Promise<boolean> {
    const state = toPlainJson(snapshot.state);
    const badKey = findUnstorableKey(state);
    if (badKey) {
      throw new InvalidSnapshotError(snapshot.streamId, `state key ${badKey} is not storable`);
    }
    try {
      // Matches only an older snapshot; when a newer one exists the upsert collides on _id instead.
      const result = await this.snapshots.collection.updateOne(
        { _id: snapshot.streamId as never, version: { $lt: snapshot.version } },
        {
          $set: {
            version: snapshot.version,
            schemaVersion: snapshot.schemaVersion,
            state,
            takenAt: this.clock.now(),
          },
        },
        { upsert: true },
      );
      return result.upsertedCount + result.modifiedCount > 0;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}
