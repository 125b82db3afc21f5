import type { Consumer, EachBatchPayload } from 'kafkajs';
import { CommitSchedule, type PartitionCommit } from './commit-schedule';
import { memoizeConnect } from './connect-once';
import { toKafkaRecord, type KafkaRecord } from './records';

export interface ConsumerOptions {
  groupId: string;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** How long a fetch waits for new records; lower means lower latency and more requests. */
  maxWaitTimeMs?: number;
}

export type RecordHandler = (record: KafkaRecord) => Promise<void>;
export type BatchHandler = (
  records: KafkaRecord[],
  context: { heartbeat(): Promise<void> },
) => Promise<void>;

export type RunOptions = (
  { eachRecord: RecordHandler; eachBatch?: never } | { eachBatch: BatchHandler; eachRecord?: never }
) & {
  /** Partitions handled in parallel; order holds within a partition either way. Default 1. */
  partitionsConsumedConcurrently?: number;
  /**
   * Handled offsets are committed at most this often, when a handler throws, and before the
   * consumer stops; default 0, after every batch. For handlers that apply idempotently: a crash
   * redelivers at most this much, and in exchange no commit round trip delays the next fetch.
   */
  commitIntervalMs?: number;
};

export interface KafkaConsumer {
  subscribe(topics: string[], options?: { fromBeginning?: boolean }): Promise<void>;
  /**
   * Starts consuming. Offsets are committed only after the handler resolved for a record (or a
   * batch); when it throws, what succeeded before is committed and kafkajs redelivers the rest.
   */
  run(options: RunOptions): Promise<void>;
  /**
   * Moves the next fetch of an assigned partition to `offset`. Call it from {@link onJoin}: a
   * consumer whose join failed has no group until kafkajs restarts it, and kafkajs throws then.
   */
  seek(topic: string, partition: number, offset: string): void;
  /** Leaves the group after the record in hand; its progress is committed. */
  stop(): Promise<void>;
  disconnect(): Promise<void>;
  /** Called when the consumer crashed; `restarting` is false when kafkajs gave up for good. */
  onCrash(listener: (error: Error, restarting: boolean) => void): void;
  /**
   * Called each time the consumer has joined its group, before it fetches: the first join, a
   * rebalance, and the join of the new member kafkajs starts after a crash (a first join that
   * failed on a broker just started is one). A {@link seek} made here applies to the next fetch.
   */
  onJoin(listener: () => void): void;
}

export function wrapConsumer(consumer: Consumer): KafkaConsumer {
  const connect = memoizeConnect(() => consumer.connect());
  let commits: PendingCommits | undefined;
  const leave = async (how: () => Promise<void>) => {
    await commits?.beforeLeaving();
    await how();
  };
  return {
    async subscribe(topics, options) {
      await connect.ensure();
      await consumer.subscribe({ topics, fromBeginning: options?.fromBeginning ?? false });
    },
    async run(options) {
      await connect.ensure();
      const pending = new PendingCommits(
        new CommitSchedule(options.commitIntervalMs ?? 0),
        (offsets) => consumer.commitOffsets(offsets),
      );
      commits = pending;
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
        eachBatch: (payload) => handleBatch(payload, options, pending),
      });
    },
    seek: (topic, partition, offset) => consumer.seek({ topic, partition, offset }),
    stop: () => leave(() => consumer.stop()),
    async disconnect() {
      connect.reset();
      await leave(() => consumer.disconnect());
    },
    onCrash(listener) {
      consumer.on(consumer.events.CRASH, (event) =>
        listener(event.payload.error, event.payload.restart),
      );
    },
    onJoin(listener) {
      // Async, so a throw is logged by kafkajs as a failed listener instead of failing the join;
      // the listener still runs at once, before the next fetch.
      consumer.on(consumer.events.GROUP_JOIN, async () => listener());
    },
  };
}

/**
 * The consumer's side of a {@link CommitSchedule}: a batch commits what is due in its own turn, and
 * a timer commits what the last batch left when no batch follows, so an idle group catches up.
 */
class PendingCommits {
  private timer: NodeJS.Timeout | undefined;
  private leaving = false;

  constructor(
    private readonly schedule: CommitSchedule,
    private readonly commitNow: (offsets: PartitionCommit[]) => Promise<void>,
  ) {}

  handled(topic: string, partition: number, offset: string): void {
    this.schedule.handled(topic, partition, offset);
  }

  /** After a batch: commits through its payload what is due (everything when it failed). */
  async afterBatch(
    payload: Pick<EachBatchPayload, 'commitOffsetsIfNecessary'>,
    failed: boolean,
  ): Promise<void> {
    if (!this.schedule.hasPending) return;
    if (!failed && !this.leaving && this.schedule.dueInMs() > 0) return this.commitLater();
    await this.commitPending((taken) =>
      payload.commitOffsetsIfNecessary({ topics: byTopic(taken) }),
    );
  }

  /** Before the consumer stops: what was handled is committed while it is still a member. */
  async beforeLeaving(): Promise<void> {
    this.leaving = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.commitPending(this.commitNow).catch(() => undefined);
  }

  private commitLater(): void {
    if (this.timer || this.leaving) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // A failure (a rebalance, the broker away) keeps the offsets for the next batch or timer.
      this.commitPending(this.commitNow).catch(() => this.commitLater());
    }, this.schedule.dueInMs()).unref();
  }

  /** Takes what is pending and commits it with `send`; a failed commit gives it back. */
  private async commitPending(send: (offsets: PartitionCommit[]) => Promise<void>): Promise<void> {
    if (!this.schedule.hasPending) return;
    const taken = this.schedule.take();
    try {
      await send(taken);
    } catch (error) {
      this.schedule.restore(taken);
      throw error;
    }
  }
}

function byTopic(commits: readonly PartitionCommit[]) {
  const topics = new Map<string, { partition: number; offset: string }[]>();
  for (const { topic, partition, offset } of commits) {
    topics.set(topic, [...(topics.get(topic) ?? []), { partition, offset }]);
  }
  return [...topics].map(([topic, partitions]) => ({ topic, partitions }));
}

async function handleBatch(
  payload: EachBatchPayload,
  options: RunOptions,
  commits: PendingCommits,
): Promise<void> {
  const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
  const records = batch.messages.map((m) => toKafkaRecord(batch.topic, batch.partition, m));
  if (records.length === 0) return;
  let handled: string | undefined;
  let failure: unknown;
  try {
    if (options.eachBatch) {
      await options.eachBatch(records, { heartbeat });
      handled = batch.lastOffset();
    } else {
      for (const record of records) {
        // After a rebalance or seek the rest of this batch belongs to someone else, or is refetched.
        if (!isRunning() || isStale()) break;
        await options.eachRecord(record);
        handled = record.offset;
        await heartbeat();
      }
    }
  } catch (error) {
    failure = error;
  }
  if (handled !== undefined) {
    resolveOffset(handled);
    commits.handled(batch.topic, batch.partition, handled);
  }
  await commits.afterBatch(payload, failure !== undefined);
  if (failure !== undefined) throw failure;
}
