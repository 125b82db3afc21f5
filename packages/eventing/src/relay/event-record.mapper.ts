import type { KnownEvent } from '@threadline/contracts';
import type { OutgoingRecord } from '@threadline/kafka-client';

/** Key = stream id, so one stream's events stay on one partition, in order. */
export function toEventRecord(event: KnownEvent): OutgoingRecord {
  return {
    key: event.streamId,
    value: JSON.stringify(event),
    headers: { type: event.type, version: String(event.version), eventId: event.eventId },
  };
}
