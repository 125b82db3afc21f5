import type { KafkaRecord, OutgoingRecord } from '@threadline/kafka-client';

/** Why a record was parked: it failed validation, or the projection kept refusing it. */
export type DeadLetterKind = 'invalid' | 'apply-failed';

export interface DeadLetter {
  kind: DeadLetterKind;
  reason: string;
  consumerGroup: string;
  at: Date;
}

/** Where the parked record came from and why, as read back from the dead-letter topic. */
export interface DeadLetterInfo extends Omit<DeadLetter, 'at'> {
  at: string;
  source: { topic: string; partition: number; offset: string; timestamp: string };
}

export const deadLetterHeaders = {
  kind: 'dlt-kind',
  reason: 'dlt-reason',
  consumerGroup: 'dlt-consumer-group',
  at: 'dlt-at',
  topic: 'dlt-source-topic',
  partition: 'dlt-source-partition',
  offset: 'dlt-source-offset',
  timestamp: 'dlt-source-timestamp',
} as const;

// A zod reason over a large payload can be long; headers are not the place for megabytes.
const maxReasonLength = 4_000;

/**
 * The record to park: the original key and bytes untouched (so it can be re-driven as is, even when
 * it is not JSON), the original headers, and the reason and origin in `dlt-*` headers.
 */
export function buildDeadLetterRecord(record: KafkaRecord, letter: DeadLetter): OutgoingRecord {
  const reason =
    letter.reason.length > maxReasonLength
      ? `${letter.reason.slice(0, maxReasonLength)}… (${letter.reason.length} characters)`
      : letter.reason;
  return {
    key: record.key ?? `${record.topic}/${record.partition}/${record.offset}`,
    value: record.value ?? Buffer.alloc(0),
    headers: {
      ...record.headers,
      [deadLetterHeaders.kind]: letter.kind,
      [deadLetterHeaders.reason]: reason,
      [deadLetterHeaders.consumerGroup]: letter.consumerGroup,
      [deadLetterHeaders.at]: letter.at.toISOString(),
      [deadLetterHeaders.topic]: record.topic,
      [deadLetterHeaders.partition]: String(record.partition),
      [deadLetterHeaders.offset]: record.offset,
      [deadLetterHeaders.timestamp]: record.timestamp,
    },
  };
}

/** Reads the `dlt-*` headers of a record from a dead-letter topic; undefined if it has none. */
export function readDeadLetter(record: Pick<KafkaRecord, 'headers'>): DeadLetterInfo | undefined {
  const h = record.headers;
  const kind = h[deadLetterHeaders.kind];
  if (kind !== 'invalid' && kind !== 'apply-failed') return undefined;
  return {
    kind,
    reason: h[deadLetterHeaders.reason] ?? '',
    consumerGroup: h[deadLetterHeaders.consumerGroup] ?? '',
    at: h[deadLetterHeaders.at] ?? '',
    source: {
      topic: h[deadLetterHeaders.topic] ?? '',
      partition: Number(h[deadLetterHeaders.partition]),
      offset: h[deadLetterHeaders.offset] ?? '',
      timestamp: h[deadLetterHeaders.timestamp] ?? '',
    },
  };
}
