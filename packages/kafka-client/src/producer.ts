import type { Producer } from 'kafkajs';
import type { OutgoingRecord, RecordMetadata } from './records';
import { memoizeConnect } from './connect-once';

export interface KafkaProducer {
  /** Writes the records and resolves once every in-sync replica has them (acks=all). */
  send(topic: string, records: OutgoingRecord[]): Promise<RecordMetadata[]>;
  disconnect(): Promise<void>;
}

/** Idempotent: a retried send after a lost acknowledgement is not written twice, and order per partition holds. */
export function wrapProducer(producer: Producer): KafkaProducer {
  const connect = memoizeConnect(() => producer.connect());
  return {
    async send(topic, records) {
      if (records.length === 0) return [];
      await connect.ensure();
      const sent = await producer.send({
        topic,
        acks: -1,
        messages: records.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
      });
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
