import type { KnownEvent } from '@threadline/contracts';

/** Identifies one commit of one stream. */
export interface CommitRef {
  id: string;
  streamId: string;
  /** Stream version of the commit's first event. */
  version: number;
}

/** A commit whose events are not yet on Kafka. */
export interface PendingCommit extends CommitRef {
  events: KnownEvent[];
}

/** The unpublished side of the event store, as the outbox relay sees it. */
export interface OutboxStore {
  /** Up to `limit` unpublished commits, in the store's natural order (roughly oldest first). */
  nextUnpublished(limit: number): Promise<PendingCommit[]>;
  /**
   * Up to `limit` unpublished commits in (stream, version) order: for every stream in the
   * result, every earlier unpublished commit is in it too. The fallback when ordering blocks a batch.
   */
  nextUnpublishedInStreamOrder(limit: number): Promise<PendingCommit[]>;
  /** Unpublished commits of each given stream below the given version. */
  unpublishedBelow(bounds: readonly { streamId: string; version: number }[]): Promise<CommitRef[]>;
  markPublished(commits: readonly CommitRef[]): Promise<void>;
}
