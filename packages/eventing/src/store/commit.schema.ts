import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** One commit: the events of one decision, in one document, so it is atomic without transactions. */
export interface CommitDocument {
  _id: Types.ObjectId;
  streamId: string;
  /** Stream version of the commit's first event. */
  version: number;
  /** Stream version of its last event; appends check that the expected version ends a commit. */
  lastVersion: number;
  tenantId: string;
  /**
   * The envelopes as one JSON string (`encodeStoredEvents`: FerretDB reads and writes a string far
   * faster than nested documents); commits written before hold an array.
   */
  events: string | unknown[];
  committedAt: Date;
  published: boolean;
  publishedAt?: Date;
}

export const COMMITS_COLLECTION = 'commits';
const MODEL_NAME = 'EventStoreCommit';

const commitSchema = new Schema<CommitDocument>(
  {
    streamId: { type: String, required: true },
    version: { type: Number, required: true },
    lastVersion: { type: Number, required: true },
    tenantId: { type: String, required: true },
    // Mixed, so mongoose never casts either stored form.
    events: { type: Schema.Types.Mixed, required: true },
    committedAt: { type: Date, required: true },
    published: { type: Boolean, required: true },
    publishedAt: { type: Date },
  },
  { collection: COMMITS_COLLECTION, versionKey: false, minimize: false },
);
// The optimistic-concurrency guard: two commits cannot start at the same version of a stream.
commitSchema.index({ streamId: 1, version: 1 }, { unique: true });
commitSchema.index({ streamId: 1, lastVersion: 1 }, { unique: true });
// FerretDB has no partial indexes, so the outbox scan uses an ordinary one.
commitSchema.index({ published: 1, committedAt: 1 });

export function commitModel(connection: Connection): Model<CommitDocument> {
  return (
    (connection.models[MODEL_NAME] as Model<CommitDocument> | undefined) ??
    connection.model<CommitDocument>(MODEL_NAME, commitSchema)
  );
}
