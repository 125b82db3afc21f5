import type { KafkaClient, KafkaRecord } from '@threadline/kafka-client';
import type { PartitionRange } from './partition-range';

export interface ReadRangesOptions {
  kafka: KafkaClient;
  /** A throwaway group: it reads from offset 0 and is never reused. */
  groupId: string;
  ranges: readonly PartitionRange[];
  /** Called once per record of the ranges, in offset order per partition. */
  onRecord(record: KafkaRecord): Promise<void>;
  maxWaitTimeMs?: number;
  signal?: AbortSignal;
}

/**
 * Reads every record of `ranges` exactly once and resolves when the last one was handled. Records
 * outside the ranges (written after they were captured, or before `from`) are passed over, and a
 * record redelivered after a rebalance is not handed out twice.
 */
export async function readRanges(options: ReadRangesOptions): Promise<void> {
  const next = new Map<string, bigint>();
  const end = new Map<string, bigint>();
  for (const r of options.ranges) {
    if (BigInt(r.to) <= BigInt(r.from)) continue;
    next.set(`${r.topic}/${r.partition}`, BigInt(r.from));
    end.set(`${r.topic}/${r.partition}`, BigInt(r.to));
  }
  if (end.size === 0) return;
  const topics = [
    ...new Set(
      options.ranges.filter((r) => end.has(`${r.topic}/${r.partition}`)).map((r) => r.topic),
    ),
  ];

  const consumer = options.kafka.consumer({
    groupId: options.groupId,
    maxWaitTimeMs: options.maxWaitTimeMs,
  });
  let remaining = end.size;
  let onAbort: (() => void) | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      onAbort = () => reject(options.signal?.reason);
      if (options.signal?.aborted) return onAbort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      consumer.onCrash((error, restarting) => {
        if (!restarting) reject(error);
      });
      const handle = async (record: KafkaRecord) => {
        const key = `${record.topic}/${record.partition}`;
        const offset = BigInt(record.offset);
        const expected = next.get(key);
        const stop = end.get(key);
        if (expected === undefined || stop === undefined || offset < expected || offset >= stop) {
          return;
        }
        await options.onRecord(record);
        next.set(key, offset + 1n);
        if (offset + 1n === stop && --remaining === 0) resolve();
      };
      consumer
        .subscribe(topics, { fromBeginning: true })
        .then(() => consumer.run({ eachRecord: handle }))
        .catch(reject);
    });
  } finally {
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    await consumer.disconnect();
  }
}
