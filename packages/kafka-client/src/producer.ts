import type { Producer } from 'kafkajs';
import type { OutgoingRecord, RecordMetadata } from './records';
import { memoizeConnect } from './connect-once';

export interface KafkaProducer {
  /** Writes the records and resolves once every in-sync replica has them (acks=all). */
  send(topic: string, records: OutgoingRecord[]): Promise<RecordMetadata[]>;
  disconnect(): Promise<void>;
}

/**
 * Errors after which the broker refuses every later send of this producer id: after a broker
 * crash its log recovery may drop the tail the producer had written, so the next sequence number
 * no longer follows. Only a new producer id gets sends accepted again.
 */
const fencedProducerErrors = new Set([
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
  'UNKNOWN_PRODUCER_ID',
  'INVALID_PRODUCER_EPOCH',
]);

export function isFenced(error: unknown): boolean {
  for (let e = error as { type?: unknown; cause?: unknown } | undefined; e; e = e.cause as never) {
    if (typeof e.type === 'string' && fencedProducerErrors.has(e.type)) return true;
  }
  return false;
}

/**
 * Idempotent: a retried send after a lost acknowledgement is not written twice, and order per
 * partition holds. When the broker fences the producer id, the failed send throws as before
 * (callers retry it) and the next send uses a new producer.
 */
export function wrapProducer(createProducer: () => Producer): KafkaProducer {
  let producer = createProducer();
  let connect = memoizeConnect(() => producer.connect());
  return {
    async send(topic, records) {
      if (records.length === 0) return [];
      await connect.ensure();
      let sent;
      try {
        sent = await producer.send({
          topic,
          acks: -1,
          messages: records.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
        });
      } catch (error) {
        if (isFenced(error)) {
          const fenced = producer;
          producer = createProducer();
          connect = memoizeConnect(() => producer.connect());
          await fenced.disconnect().catch(() => undefined);
        }
        throw error;
      }
      return sent.map((m) => ({
        topic: m.topicName,
        partition: m.partition,
        baseOffset: m.baseOffset ?? '-1',
      }));
    },
    async disconnect() {
      connect.reset();
      await producer.disconnect();
    },
  };
}
