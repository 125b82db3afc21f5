import type { KnownEvent } from '@threadline/contracts';
import { createEventBackbone } from '@threadline/eventing';
import type { KafkaClient } from '@threadline/kafka-client';
import type { Connection } from 'mongoose';
import type { Figure } from '../measure';
import { appendCommits } from './append.bench';
import { projectTopic } from './projection.bench';
import { relayBacklog } from './relay.bench';
import { replayTopic } from './replay.bench';

/** Which raw baseline each product figure is compared with. */
export type BaselineKey = 'produce' | 'consume' | 'insertMany' | 'bulkWrite';

export interface ProductFigure {
  product: Figure;
  baseline: BaselineKey;
}

/**
 * The event backbone end to end, on one backlog: append every sample event as its own commit,
 * relay the backlog to a fresh topic, then project that topic into a fresh read model.
 */
export async function runBackboneBenchmarks(options: {
  kafka: KafkaClient;
  db: Connection;
  sample: KnownEvent[];
  runId: string;
}): Promise<ProductFigure[]> {
  const { kafka, db, sample, runId } = options;
  const topic = `bench-backbone-${runId}`;
  const admin = kafka.admin();
  await admin.ensureTopics([
    { topic, partitions: 3, configs: { 'retention.ms': '-1' } },
    { topic: `${topic}.dlt`, partitions: 1, configs: { 'retention.ms': '-1' } },
  ]);
  const backbone = createEventBackbone({
    connection: db,
    kafka,
    service: 'conversation',
    topic,
    nudgeOnAppend: false,
  });
  try {
    await backbone.init();
    const append = await appendCommits(backbone.store, sample, 8);
    const relay = await relayBacklog(backbone.relay, sample.length);
    const projection = await projectTopic({
      kafka,
      db,
      service: 'conversation',
      topic,
      expectedEvents: sample.length,
      runId,
    });
    const replays = [];
    for (const concurrency of [1, 16]) {
      replays.push(
        await replayTopic({ kafka, db, service: 'conversation', topic, runId, concurrency }),
      );
    }
    return [
      { product: append, baseline: 'insertMany' },
      { product: relay, baseline: 'produce' },
      // Marking a commit published is one document update: FerretDB's update rate bounds the relay.
      { product: relay, baseline: 'bulkWrite' },
      { product: projection, baseline: 'consume' },
      { product: projection, baseline: 'bulkWrite' },
      ...replays.flatMap((replay) => [
        { product: replay, baseline: 'consume' as const },
        { product: replay, baseline: 'bulkWrite' as const },
      ]),
    ];
  } finally {
    await backbone.relay.stop();
    await admin.deleteTopics([topic, `${topic}.dlt`]).catch(() => undefined);
    await admin.disconnect();
  }
}
