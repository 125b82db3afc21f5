import type { KafkaAdmin } from '@threadline/kafka-client';

/** The offsets of one partition to read: from `from` (inclusive) to `to` (exclusive). */
export interface PartitionRange {
  topic: string;
  partition: number;
  from: string;
  to: string;
}

/** Every partition of `topics`, from its first stored offset to its end as of now. */
export async function captureEndOffsets(
  admin: KafkaAdmin,
  topics: readonly string[],
): Promise<PartitionRange[]> {
  const ranges: PartitionRange[] = [];
  for (const topic of topics) {
    for (const p of await admin.fetchTopicOffsets(topic)) {
      ranges.push({ topic, partition: p.partition, from: p.low, to: p.high });
    }
  }
  return ranges.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/** The records the ranges hold. */
export function recordsIn(ranges: readonly PartitionRange[]): number {
  return ranges.reduce((sum, r) => sum + Math.max(0, Number(BigInt(r.to) - BigInt(r.from))), 0);
}

/** The ranges starting where `earlier` ended: what was written since `earlier` was captured. */
export function rangesSince(
  earlier: readonly PartitionRange[],
  now: readonly PartitionRange[],
): PartitionRange[] {
  return now.map((r) => {
    const before = earlier.find((e) => e.topic === r.topic && e.partition === r.partition);
    return before ? { ...r, from: before.to } : r;
  });
}
