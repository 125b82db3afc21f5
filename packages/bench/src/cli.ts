#!/usr/bin/env node
import { join } from 'node:path';
import { ensureInfra, repoRoot } from '@threadline/infra';
import { createKafka } from '@threadline/kafka-client';
import mongoose from 'mongoose';
import { compare, type Comparison, type Figure } from './measure';
import { rawBulkUpsert, rawConcurrentUpdates, rawInsertMany } from './raw/mongo-raw';
import { rawConsume, rawProduce } from './raw/kafka-raw';
import { formatFigure, formatRatio, renderMarkdown, writeBenchmarksFile } from './report';
import { sampleMessages } from './sample-events';
import { storeCeiling } from './store-ceiling';
import { runAuthBenchmarks } from './auth/auth.bench';
import { runBackboneBenchmarks } from './backbone/backbone.bench';
import { runCsvImportBenchmark } from './contacts/csv-import.bench';
import { runMessagesBenchmarks } from './conversation/messages.bench';
import { runGatewayBenchmarks } from './gateway/gateway.bench';
import { benchVersions } from './versions';

function positiveIntFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** `BENCH_IMPORT_ROWS=100000,1000000`: one run per value. */
function positiveIntListFromEnv(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (!raw) return fallback;
  return raw.split(',').map((part) => {
    const value = Number(part.trim());
    if (!Number.isInteger(value) || value <= 0)
      throw new Error(`${name} must be positive integers separated by commas, got "${raw}"`);
    return value;
  });
}

const sectionNames = ['backbone', 'auth', 'messages', 'import', 'gateway'] as const;
type Section = (typeof sectionNames)[number];

/** `BENCH_SECTIONS=auth` runs only the named sections; default all. */
function sectionsFromEnv(): Set<Section> {
  const raw = process.env.BENCH_SECTIONS;
  if (!raw) return new Set(sectionNames);
  const named = raw.split(',').map((s) => s.trim());
  const unknown = named.filter((s) => !(sectionNames as readonly string[]).includes(s));
  if (unknown.length > 0) {
    throw new Error(
      `BENCH_SECTIONS: unknown ${unknown.join(', ')}; known: ${sectionNames.join(', ')}`,
    );
  }
  return new Set(named as Section[]);
}

async function main(): Promise<void> {
  const events = positiveIntFromEnv('BENCH_EVENTS', 10_000);
  const streams = positiveIntFromEnv('BENCH_STREAMS', 500);
  const authUsers = positiveIntFromEnv('BENCH_AUTH_USERS', 200);
  const authSeconds = positiveIntFromEnv('BENCH_AUTH_SECONDS', 10);
  const authConnections = positiveIntFromEnv('BENCH_AUTH_CONNECTIONS', 16);
  const messages = positiveIntFromEnv('BENCH_MESSAGES', 1_000);
  const messageRates = positiveIntListFromEnv('BENCH_MESSAGE_RATES', [20, 100]);
  const importRows = positiveIntListFromEnv('BENCH_IMPORT_ROWS', [100_000]);
  const gatewayRates = positiveIntListFromEnv('BENCH_GATEWAY_RATES', [100, 1_000]);
  const gatewaySeconds = positiveIntFromEnv('BENCH_GATEWAY_SECONDS', 10);
  const idleSockets = positiveIntFromEnv('BENCH_IDLE_SOCKETS', 10_000);
  const fanOutSockets = positiveIntFromEnv('BENCH_FANOUT_SOCKETS', 1_000);
  const fanOutRounds = positiveIntFromEnv('BENCH_FANOUT_ROUNDS', 20);
  const sections = sectionsFromEnv();
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
      console.log(`  ${figure.name}: ${formatFigure(figure)}`);
    };
    const comparisons: Comparison[] = [];
    const show = (comparison: Comparison) => {
      console.log(
        `  ${comparison.product.name}: ${formatFigure(comparison.product)} (${formatRatio(comparison)} of ${comparison.baseline.name})`,
      );
      comparisons.push(comparison);
    };

    if (sections.has('backbone')) {
      record('produce', await rawProduce(kafka, topic, sample));
      record('consume', await rawConsume(kafka, topic, `bench-raw-group-${runId}`, events));
      record('insertMany', await rawInsertMany(db, 'raw_commits', sample));
      record('bulkWrite', await rawBulkUpsert(db, 'raw_upserts', sample));
      for (const { product, baseline } of await runBackboneBenchmarks({
        kafka,
        db,
        sample,
        runId,
      })) {
        show(compare(product, baselines[baseline] as Figure));
      }
    }

    // Measured with the machine to itself: the rate of the store write that every widget init and
    // every widget message needs however the code is written (its commit's published mark). The
    // auth and delivery figures sit under the ceilings it sets.
    let rawUpdates: Figure | undefined;
    if (sections.has('auth') || sections.has('gateway')) {
      rawUpdates = await rawConcurrentUpdates(db, 'raw_marks', sample.slice(0, 2_000), {
        writers: 16,
        durationMs: authSeconds * 1_000,
      });
      record('updateOne', rawUpdates);
    }

    if (sections.has('auth')) {
      console.log(
        `bench auth: ${authUsers} returning users, ${authConnections} connections, ${authSeconds} s (BENCH_AUTH_USERS, BENCH_AUTH_CONNECTIONS, BENCH_AUTH_SECONDS)`,
      );
      const auth = await runAuthBenchmarks({
        kafkaBrokers: infra.kafkaBrokers,
        mongodbUri: infra.mongodbUri,
        runId,
        users: authUsers,
        durationSeconds: authSeconds,
        connections: authConnections,
      });
      auth.baselines.forEach((figure, i) => record(`auth-${i}`, figure));
      auth.comparisons.forEach(show);
      if (rawUpdates) {
        // S2 records an event per init; its commit's published mark is one update.
        const ceiling = storeCeiling(rawUpdates, 1, 'widget init', 'inits/s');
        show(compare(ceiling, auth.baselines[0] as Figure));
      }
    }

    if (sections.has('messages')) {
      for (const messagesPerSecond of messageRates) {
        console.log(
          `bench messages: ${messages} messages over 20 threads offered at ${messagesPerSecond}/s (BENCH_MESSAGES, BENCH_MESSAGE_RATES)`,
        );
        const result = await runMessagesBenchmarks({
          kafkaBrokers: infra.kafkaBrokers,
          mongodbUri: infra.mongodbUri,
          runId: `${runId}m${messagesPerSecond}`,
          messages,
          threads: 20,
          connections: 16,
          messagesPerSecond,
        });
        result.baselines.forEach((figure, i) =>
          record(`messages-${messagesPerSecond}-${i}`, figure),
        );
        result.comparisons.forEach(show);
      }
    }

    if (sections.has('import')) {
      for (const rows of importRows) {
        console.log(`bench import: ${rows} generated CSV rows (BENCH_IMPORT_ROWS)`);
        const result = await runCsvImportBenchmark({
          kafkaBrokers: infra.kafkaBrokers,
          mongodbUri: infra.mongodbUri,
          runId: `${runId}i${rows}`,
          rows,
          log: (line) => console.log(`  ${line}`),
        });
        result.baselines.forEach((figure, i) => record(`import-${rows}-${i}`, figure));
        result.comparisons.forEach(show);
      }
    }

    if (sections.has('gateway')) {
      console.log(
        `bench gateway: delivery at ${gatewayRates.join(', ')} messages/s for ${gatewaySeconds} s, ${idleSockets} idle sockets, fan-out to ${fanOutSockets} sockets × ${fanOutRounds} (BENCH_GATEWAY_RATES, BENCH_GATEWAY_SECONDS, BENCH_IDLE_SOCKETS, BENCH_FANOUT_SOCKETS, BENCH_FANOUT_ROUNDS)`,
      );
      const result = await runGatewayBenchmarks({
        kafkaBrokers: infra.kafkaBrokers,
        mongodbUri: infra.mongodbUri,
        runId: `${runId}g`,
        rates: gatewayRates,
        seconds: gatewaySeconds,
        idleSockets,
        fanOutSockets,
        fanOutRounds,
        log: (line) => console.log(`  ${line}`),
      });
      result.baselines.forEach((figure, i) => record(`gateway-${i}`, figure));
      result.comparisons.forEach(show);
      const fastest = [...result.rawDelivery].sort((a, b) => b.rate - a.rate)[0];
      if (rawUpdates && fastest) {
        // A message's commit gets its published mark, and the per-user thread takes the message.
        const ceiling = storeCeiling(rawUpdates, 2, 'widget message', 'messages/s');
        show(compare(ceiling, fastest.throughput));
      }
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
    if (sections.size === sectionNames.length) {
      writeBenchmarksFile(join(repoRoot, 'BENCHMARKS.md'), report);
      console.log('\nrecorded in BENCHMARKS.md');
    } else {
      console.log('\nnot recorded: BENCHMARKS.md keeps only runs of every section');
    }
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
