import type { KnownEvent } from '@threadline/contracts';
import type { KafkaClient } from '@threadline/kafka-client';
import { throughput, timed, type Figure } from '../measure';
import { chunk } from '../sample-events';

/** Raw kafkajs produce: batches of envelopes to a fresh topic, as fast as the client goes. */
export async function rawProduce(
  kafka: KafkaClient,
  topic: string,
  events: KnownEvent[],
): Promise<Figure> {
  const producer = kafka.producer();
  try {
    const { elapsedMs } = await timed(async () => {
      for (const batch of chunk(events, 500)) {
        await producer.send(
          topic,
          batch.map((e) => ({ key: e.streamId, value: JSON.stringify(e) })),
        );
      }
    });
    return throughput('raw kafkajs produce', events.length, elapsedMs, 'records/s');
  } finally {
    await producer.disconnect();
  }
}

/** Raw kafkajs consume: a fresh group reads the whole topic, committing per batch, doing nothing else. */
export async function rawConsume(
  kafka: KafkaClient,
  topic: string,
  groupId: string,
  expected: number,
): Promise<Figure> {
  const consumer = kafka.consumer({ groupId, maxWaitTimeMs: 100 });
  try {
    await consumer.subscribe([topic], { fromBeginning: true });
    let seen = 0;
    const { elapsedMs } = await timed(
      () =>
        new Promise<void>((resolve, reject) => {
          consumer
            .run({
              partitionsConsumedConcurrently: 3,
              eachBatch: async (records) => {
                seen += records.length;
                if (seen >= expected) resolve();
              },
            })
            .catch(reject);
        }),
    );
    return throughput('raw kafkajs consume', seen, elapsedMs, 'records/s');
  } finally {
    await consumer.disconnect();
  }
}
