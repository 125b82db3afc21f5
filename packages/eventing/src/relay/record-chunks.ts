import type { OutgoingRecord } from '@threadline/kafka-client';

/** Kafka's default `message.max.bytes` is about 1 MB per record batch; stay well under it. */
export const DEFAULT_MAX_CHUNK_BYTES = 512 * 1024;

/** Splits records, in order, into sends that each stay under `maxBytes` (a single larger record goes alone). */
export function chunkRecords(
  records: readonly OutgoingRecord[],
  maxBytes = DEFAULT_MAX_CHUNK_BYTES,
): OutgoingRecord[][] {
  const chunks: OutgoingRecord[][] = [];
  let current: OutgoingRecord[] = [];
  let size = 0;
  for (const record of records) {
    const bytes = Buffer.byteLength(record.value) + Buffer.byteLength(record.key);
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(record);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
