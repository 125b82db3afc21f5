import type { KnownEvent } from '@threadline/contracts';
import type { Connection, FilterQuery, Model } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { systemClock, type Clock } from './clock.port';
import { toCommitDocument, toKnownEvents } from './commit.mapper';
import { commitModel, type CommitDocument } from './commit.schema';
import { ConcurrencyError } from './concurrency.error';
import { CorruptStreamError } from './corrupt-stream.error';
import { isDuplicateKeyError } from './duplicate-key';
import { buildEnvelopes } from './envelope-builder';
import { InsertBatcher } from './insert-batcher';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  LoadOptions,
  NewEvent,
} from './event-store.port';
import { EMPTY_STREAM_VERSION, findVersionGap } from './stream-version';

export interface MongoEventStoreOptions {
  clock?: Clock;
  newEventId?: () => string;
  /**
   * Called after every successful append with the commit's id, e.g. to hand the commit to the
   * outbox relay. Must not throw.
   */
  onAppended?: (result: AppendResult, commitId: string) => void;
}

/**
 * Commits per insert at most when appends queue up. Most commits are one decision's few events;
 * a batch of large ones (an import's chunks) is split by the driver at its message size limit.
 */
export const COMMITS_PER_INSERT = 100;

/** The event store on a MongoDB-wire database: one document per commit in `commits`. */
export class MongoEventStore implements EventStore {
  private readonly commits: Model<CommitDocument>;
  private readonly inserts: InsertBatcher<CommitDocument>;
  private readonly clock: Clock;
  private readonly newEventId: () => string;

  constructor(
    connection: Connection,
    private readonly options: MongoEventStoreOptions = {},
  ) {
    this.commits = commitModel(connection);
    this.clock = options.clock ?? systemClock;
    this.newEventId = options.newEventId ?? (() => uuidv7());
    // Unordered, so that one stream's lost race does not hold back another stream's commit.
    this.inserts = new InsertBatcher<CommitDocument>(
      async (docs) => {
        await this.commits.collection.insertMany(docs, { ordered: false });
      },
      { maxBatch: COMMITS_PER_INSERT },
    );
  }

  /** Creates the collection and its indexes; appends wait for it anyway, so this only moves the wait. */
  async init(): Promise<void> {
    await this.commits.init();
  }

  async append(
    streamId: string,
    expectedVersion: number,
    newEvents: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const events = buildEnvelopes(streamId, expectedVersion, newEvents, {
      clock: this.clock,
      newEventId: this.newEventId,
    });
    // Without the unique index a race would silently fork the stream.
    await this.commits.init();
    if (!options.expectedVersionFromStream)
      await this.assertCommitEndsAt(streamId, expectedVersion);
    const doc = toCommitDocument(streamId, events, this.clock.now());
    try {
      await this.inserts.insert(doc);
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new ConcurrencyError(streamId, expectedVersion);
      throw error;
    }
    const result: AppendResult = {
      streamId,
      fromVersion: expectedVersion,
      toVersion: doc.lastVersion,
      events,
    };
    this.options.onAppended?.(result, doc._id.toHexString());
    return result;
  }

  async load(streamId: string, options: LoadOptions = {}): Promise<KnownEvent[]> {
    const fromVersion = options.fromVersion ?? 1;
    const filter: FilterQuery<CommitDocument> =
      fromVersion > 1 ? { streamId, lastVersion: { $gte: fromVersion } } : { streamId };
    const docs = await this.commits
      .find(filter, { streamId: 1, events: 1 })
      .sort({ version: 1 })
      .lean<Pick<CommitDocument, 'streamId' | 'events'>[]>();
    const events = docs.flatMap(toKnownEvents).filter((e) => e.streamVersion >= fromVersion);
    const gap = findVersionGap(events, fromVersion);
    if (gap) throw new CorruptStreamError(streamId, gap);
    return events;
  }

  /**
   * The unique index only covers the version a commit starts at. An expected version that falls
   * inside a multi-event commit (or past the end) would slip past it and fork the stream, so the
   * expected version must end an existing commit. Commits are immutable, so the check cannot go stale.
   * FerretDB does not enforce unique indexes on arrays, which would have made this one index.
   */
  private async assertCommitEndsAt(streamId: string, expectedVersion: number): Promise<void> {
    if (expectedVersion === EMPTY_STREAM_VERSION) return;
    const found = await this.commits
      .findOne({ streamId, lastVersion: expectedVersion }, { _id: 1 })
      .lean();
    if (!found) {
      throw new ConcurrencyError(
        streamId,
        expectedVersion,
        'no commit ends at that version (stale or invented expected version)',
      );
    }
  }
}
