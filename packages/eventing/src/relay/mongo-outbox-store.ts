import type { Connection, Model } from 'mongoose';
import { Types } from 'mongoose';
import { systemClock, type Clock } from '../store/clock.port';
import { toKnownEvents } from '../store/commit.mapper';
import { commitModel, type CommitDocument } from '../store/commit.schema';
import type { CommitRef, OutboxStore, PendingCommit } from './outbox.port';

type PendingDocument = Pick<CommitDocument, '_id' | 'streamId' | 'version' | 'events'>;

function toPendingCommit(doc: PendingDocument): PendingCommit {
  return {
    id: doc._id.toHexString(),
    streamId: doc.streamId,
    version: doc.version,
    events: toKnownEvents(doc),
  };
}

/** The outbox side of the `commits` collection. */
export class MongoOutboxStore implements OutboxStore {
  private readonly commits: Model<CommitDocument>;

  constructor(
    connection: Connection,
    private readonly clock: Clock = systemClock,
  ) {
    this.commits = commitModel(connection);
  }

  async init(): Promise<void> {
    await this.commits.init();
  }

  /**
   * No sort on purpose: FerretDB never pushes a sort down to its backend, so a sorted query reads
   * and sorts the whole backlog on every pass. Unsorted, the filter and the limit stream; the relay
   * orders the batch itself.
   */
  async nextUnpublished(limit: number): Promise<PendingCommit[]> {
    const docs = await this.commits
      .find({ published: false }, { streamId: 1, version: 1, events: 1 })
      .limit(limit)
      .lean<PendingDocument[]>();
    return docs.map(toPendingCommit);
  }

  async nextUnpublishedInStreamOrder(limit: number): Promise<PendingCommit[]> {
    const docs = await this.commits
      .find({ published: false }, { streamId: 1, version: 1, events: 1 })
      .sort({ streamId: 1, version: 1 })
      .limit(limit)
      .lean<PendingDocument[]>();
    return docs.map(toPendingCommit);
  }

  async unpublishedBelow(
    bounds: readonly { streamId: string; version: number }[],
  ): Promise<CommitRef[]> {
    if (bounds.length === 0) return [];
    // Only the equality on `published` reaches FerretDB's backend (an `$or` would scan every
    // commit ever written), so the bounds are applied here, over the backlog alone.
    const below = new Map(bounds.map((b) => [b.streamId, b.version]));
    const docs = await this.commits
      .find({ published: false }, { streamId: 1, version: 1 })
      .lean<Pick<CommitDocument, '_id' | 'streamId' | 'version'>[]>();
    return docs
      .filter((d) => d.version < (below.get(d.streamId) ?? -Infinity))
      .map((d) => ({ id: d._id.toHexString(), streamId: d.streamId, version: d.version }));
  }

  async markPublished(commits: readonly CommitRef[]): Promise<void> {
    if (commits.length === 0) return;
    // `published: false` is what FerretDB's backend filters on; the `$in` alone would scan history.
    await this.commits.updateMany(
      { published: false, _id: { $in: commits.map((c) => new Types.ObjectId(c.id)) } },
      { $set: { published: true, publishedAt: this.clock.now() } },
    );
  }
}
