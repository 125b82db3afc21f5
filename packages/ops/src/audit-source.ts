import { EventEnvelope, eventsTopic } from '@threadline/contracts';
import {
  captureEndOffsets,
  decodeRecord,
  platformEventDecoder,
  readRanges,
  recordsIn,
} from '@threadline/eventing';
import type { KafkaClient, KafkaRecord } from '@threadline/kafka-client';
import { randomBytes } from 'node:crypto';

/** The topics a user's timeline is read from (S16). */
export const auditTopics = (prefix: string): string[] =>
  (['identity', 'contact', 'conversation'] as const).map(
    (service) => `${prefix}${eventsTopic(service)}`,
  );

export interface AuditRead {
  /** Every event of the application, decoded (old versions upcast). */
  events: EventEnvelope[];
  records: number;
  /** Records that were not an event at all; the owning service dead-lettered them. */
  unreadable: number;
}

/**
 * An event as the log holds it: decoded and upcast when its contract is known; else, when its
 * envelope is sound, as it is, since a record the audit cannot interpret is still history.
 */
function eventOf(record: KafkaRecord, decoder = platformEventDecoder()): EventEnvelope | undefined {
  const decoded = decodeRecord(record, decoder);
  if (decoded.ok) return decoded.event;
  try {
    const envelope = EventEnvelope.safeParse(JSON.parse(record.value?.toString('utf8') ?? ''));
    return envelope.success ? envelope.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the topics from their first offset to their ends as of the call, as replay does, with a
 * throwaway consumer group, and keeps the events of one application.
 */
export async function readApplicationEvents(
  kafka: KafkaClient,
  topics: readonly string[],
  applicationId: string,
): Promise<AuditRead> {
  const admin = kafka.admin();
  let ranges;
  try {
    ranges = await captureEndOffsets(admin, topics);
  } finally {
    await admin.disconnect();
  }
  const decoder = platformEventDecoder();
  const events: EventEnvelope[] = [];
  let unreadable = 0;
  await readRanges({
    kafka,
    groupId: `audit-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`,
    ranges,
    maxWaitTimeMs: 200,
    async onRecord(record) {
      const event = eventOf(record, decoder);
      if (!event) unreadable++;
      else if (event.tenantId === applicationId) events.push(event);
    },
  });
  return { events, records: recordsIn(ranges), unreadable };
}
