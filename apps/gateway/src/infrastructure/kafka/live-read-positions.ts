import type { PartitionOffsets } from '@threadline/kafka-client';

export interface PartitionSeek {
  partition: number;
  offset: string;
}

/**
 * Where this gateway process reads each partition of `conversation.events` next. It starts the
 * last `backfill` records back from where each partition ended when the process started, then
 * follows every record read. Each join of the live group seeks to these positions, so a member
 * kafkajs starts after a crash goes on from this process's own reading, not from the group's
 * last commit (up to 5 s old) or, before any commit, the latest offset.
 */
export class LiveReadPositions {
  private readonly next = new Map<number, bigint>();
  /** Each partition's last record as of the start, until it has been read. */
  private readonly backfillEnds = new Map<number, bigint>();

  constructor(partitions: readonly PartitionOffsets[], backfill: number) {
    if (!Number.isInteger(backfill) || backfill < 0)
      throw new RangeError(`backfill must be a whole number of records, got ${backfill}`);
    for (const { partition, low, high } of partitions) {
      const from = BigInt(high) - BigInt(backfill);
      this.next.set(partition, from > BigInt(low) ? from : BigInt(low));
      if (BigInt(high) > BigInt(low)) this.backfillEnds.set(partition, BigInt(high) - 1n);
    }
  }

  /** The seeks for a join: each partition known (at the start or read since), at its next record. */
  seeks(): PartitionSeek[] {
    return [...this.next].map(([partition, offset]) => ({ partition, offset: String(offset) }));
  }

  /** A record was read; records of one partition come in order. */
  read(partition: number, offset: string): void {
    const at = BigInt(offset);
    const next = this.next.get(partition);
    if (next === undefined || at >= next) this.next.set(partition, at + 1n);
    const end = this.backfillEnds.get(partition);
    if (end !== undefined && at >= end) this.backfillEnds.delete(partition);
  }

  /** Every partition has been read up to where it ended when the process started. */
  get backfilled(): boolean {
    return this.backfillEnds.size === 0;
  }
}
