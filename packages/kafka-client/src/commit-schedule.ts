import { nextOffset } from './records';

/** Where a consumer group resumes in one partition: the offset after the last handled record. */
export interface PartitionCommit {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * Handled offsets not yet committed, and when they are due. Committing after every batch costs a
 * round trip to the group coordinator before the next fetch; with an interval, the handled offsets
 * of each partition wait and go together. Only the decisions live here: the consumer commits.
 */
export class CommitSchedule {
  private readonly pending = new Map<string, PartitionCommit>();
  private lastCommitAt: number;

  /** `intervalMs` 0 makes every handled offset due at once. */
  constructor(
    readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastCommitAt = now();
  }

  /** `offset` was handled: the next commit of its partition resumes after it. */
  handled(topic: string, partition: number, offset: string): void {
    this.pending.set(key(topic, partition), { topic, partition, offset: nextOffset(offset) });
  }

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  /** Milliseconds until the pending offsets are due; 0 when due now. */
  dueInMs(): number {
    return Math.max(0, this.lastCommitAt + this.intervalMs - this.now());
  }

  /** Takes every pending offset, to be committed now, and restarts the interval. */
  take(): PartitionCommit[] {
    const taken = [...this.pending.values()];
    this.pending.clear();
    this.lastCommitAt = this.now();
    return taken;
  }

  /** A commit that failed gives its offsets back, except where a later handled offset came since. */
  restore(commits: readonly PartitionCommit[]): void {
    for (const commit of commits) {
      const at = key(commit.topic, commit.partition);
      if (!this.pending.has(at)) this.pending.set(at, commit);
    }
  }
}

function key(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}
