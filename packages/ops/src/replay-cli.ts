#!/usr/bin/env node
import { replayProjection, type ProjectionLogger } from '@threadline/eventing';
import { createKafka } from '@threadline/kafka-client';
import mongoose from 'mongoose';
import { loadOpsConfig, serviceDatabase } from './ops-config';
import { projectionRegistry } from './projection-registry';
import { parseReplayArgs, replayUsage } from './replay-args';
import { createReplayProgress } from './replay-progress';
import { formatReplaySummary } from './replay-summary';

/** Exit codes: 0 done, 1 the replay failed, 2 bad input. */
async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseReplayArgs(argv, projectionRegistry);
  if (parsed.kind === 'help') {
    process.stdout.write(`${replayUsage}\n`);
    return 0;
  }
  if (parsed.kind === 'invalid') {
    process.stderr.write(`replay: ${parsed.message}\n\n${replayUsage}\n`);
    return 2;
  }
  let config;
  try {
    config = loadOpsConfig(env);
  } catch (error) {
    process.stderr.write(`replay: ${(error as Error).message}\n`);
    return 2;
  }
  const { service, projection: name, until } = parsed.args;
  const factory = projectionRegistry[service][name];
  if (!factory) return 2;
  const built = factory();
  const prefix = config.topicPrefix ?? '';
  const projection = { ...built, topics: built.topics.map((topic) => `${prefix}${topic}`) };

  const kafka = createKafka({
    clientId: 'threadline-replay',
    brokers: config.kafkaBrokers,
    logLevel: 'error',
  });
  const connection = await mongoose
    .createConnection(config.mongodbUri, {
      dbName: config.mongodbDatabase ?? serviceDatabase(service),
      serverSelectionTimeoutMS: 5_000,
      retryWrites: false,
    })
    .asPromise();
  const abort = new AbortController();
  const interrupt = () => abort.abort(new Error('interrupted'));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const progress = createReplayProgress(`${service}/${name}`);
  // The bar owns the terminal; only problems are worth breaking it for.
  const logger: ProjectionLogger = (entry) => {
    if (entry.level === 'warn' || entry.level === 'error') {
      process.stderr.write(`\n${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
    }
  };
  try {
    if (!connection.db) throw new Error('no database on the store connection');
    const report = await replayProjection({
      service,
      kafka,
      db: connection.db,
      projection,
      until,
      logger,
      signal: abort.signal,
      onProgress: progress.update,
    });
    progress.stop();
    process.stdout.write(`${formatReplaySummary(report)}\n`);
    return 0;
  } catch (error) {
    progress.stop();
    process.stderr.write(
      `replay failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    await connection.close();
  }
}

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `replay failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
