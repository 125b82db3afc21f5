import { Schema, type Connection, type Model } from 'mongoose';

export interface SnapshotDocument {
  /** The stream id: one snapshot per stream. */
  _id: string;
  version: number;
  schemaVersion: number;
  state: unknown;
  takenAt: Date;
}

export const SNAPSHOTS_COLLECTION = 'snapshots';
const MODEL_NAME = 'EventStoreSnapshot';

const snapshotSchema = new Schema<SnapshotDocument>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    schemaVersion: { type: Number, required: true },
    state: { type: Schema.Types.Mixed },
    takenAt: { type: Date, required: true },
  },
  { collection: SNAPSHOTS_COLLECTION, versionKey: false, minimize: false },
);

export function snapshotModel(connection: Connection): Model<SnapshotDocument> {
  return (
    (connection.models[MODEL_NAME] as Model<SnapshotDocument> | undefined) ??
    connection.model<SnapshotDocument>(MODEL_NAME, snapshotSchema)
  );
}
