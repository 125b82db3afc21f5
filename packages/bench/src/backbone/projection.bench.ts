import type { ServiceName } from '@threadline/contracts';
import { createProjectionRunner, streamCatalogProjection } from '@threadline/eventing';
import type { KafkaClient } from '@threadline/kafka-client';
import type { Connection } from 'mongoose';
import { throughput, timed, type Figure } from '../measure';

async function appliedEvents(db: Connection, collection: string): Promise<number> {
  const [total] = await db
    .collection(collection)
    .aggregate<{ events: number }>([{ $group: { _id: null, events: { $sum: '$eventCount' } } }])
    .toArray();
  return total?.events ?? 0;
}

/** The live projection runner consuming a topic from offset 0 into its read model, idempotently. */
export async function projectTopic(options: {
  kafka: KafkaClient;
  db: Connection;
  service: ServiceName;
  topic: string;
  expectedEvents: number;
  runId: string;
}): Promise<Figure> {
  const collection = `bench_catalog_${options.runId}`;
  const runner = createProjectionRunner({
    service: options.service,
    kafka: options.kafka,
    db: options.db.db as never,
    projection: streamCatalogProjection(options.service, { topics: [options.topic], collection }),
    groupId: `bench-projection-${options.runId}`,
    deadLetterTopic: `${options.topic}.dlt`,
    maxWaitTimeMs: 100,
  });
  try {
    const { elapsedMs } = await timed(async () => {
      await runner.start();
      while ((await appliedEvents(options.db, collection)) < options.expectedEvents) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    return throughput(
      'projection runner (stream catalog)',
      options.expectedEvents,
      elapsedMs,
      'events/s',
    );
  } finally {
    await runner.stop();
  }
}
