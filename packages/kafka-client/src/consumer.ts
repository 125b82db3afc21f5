import type { Consumer, EachBatchPayload } from 'kafkajs';
import { memoizeConnect } from './connect-once';
import { nextOffset, toKafkaRecord, type KafkaRecord } from './records';

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
};

export interface KafkaConsumer {
  subscribe(topics: string[], options?: { fromBeginning?: boolean }): Promise<void>;
  /**
   * Starts consuming. Offsets are committed only after the handler resolved for a record (or a
   * batch); when it throws, what succeeded before is committed and kafkajs redelivers the rest.
   */
  run(options: RunOptions): Promise<void>;
  /** Moves the next fetch of an assigned partition to `offset`; only after `run`. */
  seek(topic: string, partition: number, offset: string): void;
  /** Leaves the group after the record in hand; its progress is committed. */
  stop(): Promise<void>;
  disconnect(): Promise<void>;
  /** Called when the consumer crashed; `restarting` is false when kafkajs gave up for good. */
  onCrash(listener: (error: Error, restarting: boolean) => void): void;
}

export function wrapConsumer(consumer: Consumer): KafkaConsumer {
  const connect = memoizeConnect(() => consumer.connect());
  return {
    async subscribe(topics, options) {
      await connect.ensure();
      await consumer.subscribe({ topics, fromBeginning: options?.fromBeginning ?? false });
    },
    async run(options) {
      await connect.ensure();
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
        eachBatch: (payload) => handleBatch(payload, options),
      });
    },
    seek: (topic, partition, offset) => consumer.seek({ topic, partition, offset }),
    stop: () => consumer.stop(),
    async disconnect() {
      connect.reset();
      await consumer.disconnect();
    },
    onCrash(listener) {
      consumer.on(consumer.events.CRASH, (event) =>
        listener(event.payload.error, event.payload.restart),
      );
    },
  };
}

async function handleBatch(payload: EachBatchPayload, options: RunOptions): Promise<void> {
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
    await payload.commitOffsetsIfNecessary({
      topics: [
        {
          topic: batch.topic,
          partitions: [{ partition: batch.partition, offset: nextOffset(handled) }],
        },
      ],
    });
  }
  if (failure !== undefined) throw failure;
}
