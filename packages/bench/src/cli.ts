#!/usr/bin/env node
import { join } from 'node:path';
import { ensureInfra, repoRoot } from '@threadline/infra';
import { createKafka } from '@threadline/kafka-client';
import mongoose from 'mongoose';
import { compare, type Comparison, type Figure } from './measure';
import { rawBulkUpsert, rawInsertMany } from './raw/mongo-raw';
import { rawConsume, rawProduce } from './raw/kafka-raw';
import { renderMarkdown, writeBenchmarksFile } from './report';
import { sampleMessages } from './sample-events';
import { runBackboneBenchmarks } from './backbone/backbone.bench';
import { benchVersions } from './versions';

function positiveIntFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const events = positiveIntFromEnv('BENCH_EVENTS', 10_000);
  const streams = positiveIntFromEnv('BENCH_STREAMS', 500);
  const runId = Date.now().toString(36);
  const infra =
    process.env.KAFKA_BROKERS && process.env.MONGODB_URI
      ? { kafkaBrokers: process.env.KAFKA_BROKERS, mongodbUri: process.env.MONGODB_URI }
      : await ensureInfra({ store: 'postgresql' });
  const kafka = createKafka({
    clientId: `bench-${runId}`,
    brokers: infra.kafkaBrokers.split(','),
    logLevel: 'error',
  });
  const db = await mongoose
    .createConnection(infra.mongodbUri, { dbName: `bench_${runId}`, retryWrites: false })
    .asPromise();
  const admin = kafka.admin();
  const topic = `bench-raw-${runId}`;
  try {
    const sample = sampleMessages(events, streams, runId);
    console.log(`bench: ${events} events over ${streams} streams (BENCH_EVENTS, BENCH_STREAMS)`);
    await admin.ensureTopics([{ topic, partitions: 3, configs: { 'retention.ms': '-1' } }]);

    const baselines: Record<string, Figure> = {};
    const record = (key: string, figure: Figure) => {
      baselines[key] = figure;
      console.log(`  ${figure.name}: ${Math.round(figure.value)} ${figure.unit}`);
    };
    record('produce', await rawProduce(kafka, topic, sample));
    record('consume', await rawConsume(kafka, topic, `bench-raw-group-${runId}`, events));
    record('insertMany', await rawInsertMany(db, 'raw_commits', sample));
    record('bulkWrite', await rawBulkUpsert(db, 'raw_upserts', sample));

    const comparisons: Comparison[] = [];
    for (const { product, baseline } of await runBackboneBenchmarks({ kafka, db, sample, runId })) {
      const comparison = compare(product, baselines[baseline] as Figure);
      console.log(
        `  ${product.name}: ${Math.round(product.value)} ${product.unit} (${(comparison.ratio * 100).toFixed(0)}% of ${comparison.baseline.name})`,
      );
      comparisons.push(comparison);
    }

    const report = {
      takenAt: new Date(),
      events,
      streams,
      versions: await benchVersions(db),
      comparisons,
      baselines: Object.values(baselines),
    };
    console.log(`\n${renderMarkdown(report)}`);
    writeBenchmarksFile(join(repoRoot, 'BENCHMARKS.md'), report);
    console.log('\nrecorded in BENCHMARKS.md');
  } finally {
    await admin.deleteTopics([topic]).catch(() => undefined);
    await admin.disconnect();
    await db.dropDatabase().catch(() => undefined);
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
