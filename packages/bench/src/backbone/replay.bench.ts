import type { ServiceName } from '@threadline/contracts';
import { replayProjection, streamCatalogProjection } from '@threadline/eventing';
import type { KafkaClient } from '@threadline/kafka-client';
import type { Connection } from 'mongoose';
import { throughput, type Figure } from '../measure';

/**
 * Rebuilds the projection `projectTopic` built, from offset 0 into a fresh collection, and swaps
 * it in; the figure covers the whole replay (read, apply, compare, swap).
 */
export async function replayTopic(options: {
  kafka: KafkaClient;
  db: Connection;
  service: ServiceName;
  topic: string;
  runId: string;
  concurrency: number;
}): Promise<Figure> {
  const collection = `bench_catalog_${options.runId}`;
  const report = await replayProjection({
    service: options.service,
    kafka: options.kafka,
    db: options.db.db as never,
    projection: streamCatalogProjection(options.service, { topics: [options.topic], collection }),
    concurrency: options.concurrency,
    maxWaitTimeMs: 100,
    logger: () => undefined,
  });
  if (!report.matched) {
    throw new Error(`replay of ${collection} differs from the live projection`);
  }
  return throughput(
    options.concurrency === 1
      ? 'projection rebuild by replay, one event at a time'
      : `projection rebuild by replay, ${options.concurrency} streams at a time`,
    report.records,
    report.durationMs,
    'events/s',
  );
}
