import type { KafkaClient } from '@threadline/kafka-client';
import { percentile, type Figure } from '../measure';

export interface ProduceConsumeLatency {
  throughput: Figure;
  p50: Figure;
  p99: Figure;
}

/**
 * Raw kafkajs produce→consume: `connections` concurrent senders, each sending one record and
 * waiting for the broker's ack before the next (as the service's relay is one idempotent producer),
 * and a consumer group timing each record's arrival. The group has joined before timing starts.
 */
export async function rawProduceConsumeLatency(
  kafka: KafkaClient,
  options: {
    topic: string;
    groupId: string;
    records: number;
    connections: number;
    keys: number;
    /** When set, record i is not sent before i / rate seconds into the run (an offered load). */
    recordsPerSecond?: number;
  },
): Promise<ProduceConsumeLatency> {
  const consumer = kafka.consumer({ groupId: options.groupId, maxWaitTimeMs: 10 });
  const producer = kafka.producer();
  const latencies: number[] = [];
  let warmedUp: () => void = () => undefined;
  let done: () => void = () => undefined;
  const warm = new Promise<void>((resolve) => (warmedUp = resolve));
  const all = new Promise<void>((resolve) => (done = resolve));
  try {
    await consumer.subscribe([options.topic], { fromBeginning: false });
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      eachRecord: async (record) => {
        const { sentAt, warmUp } = JSON.parse(String(record.value)) as {
          sentAt: number;
          warmUp?: boolean;
        };
        if (warmUp) return warmedUp();
        latencies.push(Date.now() - sentAt);
        if (latencies.length === options.records) done();
      },
    });
    // Until the group has its partitions, records would wait for the join, not for Kafka.
    const warming = setInterval(() => {
      producer
        .send(options.topic, [
          { key: 'warm-up', value: JSON.stringify({ sentAt: Date.now(), warmUp: true }) },
        ])
        .catch(() => undefined);
    }, 200);
    await warm;
    clearInterval(warming);

    let next = 0;
    const startedAt = Date.now();
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        for (let i = next++; i < options.records; i = next++) {
          if (options.recordsPerSecond !== undefined) {
            const due = startedAt + (i * 1000) / options.recordsPerSecond;
            await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
          }
          await producer.send(options.topic, [
            { key: `key-${i % options.keys}`, value: JSON.stringify({ sentAt: Date.now(), i }) },
          ]);
        }
      }),
    );
    await all;
    const elapsedMs = Date.now() - startedAt;
    const offered =
      options.recordsPerSecond === undefined
        ? ''
        : `, offered ${options.recordsPerSecond.toLocaleString('en-US')}/s`;
    const label = `raw kafkajs produce→consume (${options.connections} senders, 1 record a send${offered})`;
    return {
      throughput: { name: label, value: options.records / (elapsedMs / 1000), unit: 'records/s' },
      p50: { name: `${label} p50`, value: percentile(latencies, 50), unit: 'ms' },
      p99: { name: `${label} p99`, value: percentile(latencies, 99), unit: 'ms' },
    };
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
  }
}
