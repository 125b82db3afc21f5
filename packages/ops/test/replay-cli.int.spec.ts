import { join } from 'node:path';
import { eventsTopic, type EventEnvelope } from '@threadline/contracts';
import {
  createProjectionRunner,
  streamCatalogProjection,
  type StreamCatalogDocument,
} from '@threadline/eventing';
import { createKafka, type KafkaClient } from '@threadline/kafka-client';
import { assertBuiltPackage, endpointsFromEnv, uniqueName } from '@threadline/testing';
import mongoose, { type Connection } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';

import { runCli as runCliProcess } from './support/run-cli';

const packageDir = join(__dirname, '..');
const cli = join(packageDir, 'dist', 'replay-cli.js');

const runCli = (args: string[], env: NodeJS.ProcessEnv) => runCliProcess(cli, args, env, 30_000);

function anEvent(streamId: string, streamVersion: number, occurredAt: string): EventEnvelope {
  const common = {
    eventId: uuidv7(),
    version: 1,
    occurredAt,
    tenantId: 'app-replay-cli',
    streamId,
    streamVersion,
    correlationId: 'corr-replay-cli',
    causationId: 'cause-replay-cli',
  };
  return streamVersion === 1
    ? { ...common, type: 'conversation.conversation-started', payload: { contactId: 'c-1' } }
    : {
        ...common,
        type: 'conversation.message-sent',
        payload: {
          clientMessageId: `m-${streamId}-${streamVersion}`,
          author: { kind: 'agent', agentId: 'agent-1' },
          text: 'Hello',
        },
      };
}

// Two threads interleaved in time; --until 10:15 falls between thread-a's v2 and thread-b's v2.
const events = [
  anEvent('thread-a', 1, '2026-11-23T10:00:00.000Z'),
  anEvent('thread-b', 1, '2026-11-23T10:05:00.000Z'),
  anEvent('thread-a', 2, '2026-11-23T10:10:00.000Z'),
  anEvent('thread-b', 2, '2026-11-23T10:20:00.000Z'),
  anEvent('thread-a', 3, '2026-11-23T10:30:00.000Z'),
];

const catalogRow = (d: StreamCatalogDocument) => ({
  _id: d._id,
  eventCount: d.eventCount,
  streamVersion: d.streamVersion,
  lastEventType: d.lastEventType,
  lastOccurredAt: d.lastOccurredAt.toISOString(),
});

describe('replay CLI, run as a process against real Kafka and the real store', () => {
  const { kafkaBrokers, mongodbUri } = endpointsFromEnv();
  const topicPrefix = `${uniqueName('replay-cli')}.`;
  const topic = `${topicPrefix}${eventsTopic('conversation')}`;
  const dlt = `${topic}.dlt`;
  const database = uniqueName('replay_cli').replace(/-/g, '_');
  const cliEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    KAFKA_BROKERS: kafkaBrokers,
    MONGODB_URI: mongodbUri,
    MONGODB_DATABASE: database,
    REPLAY_TOPIC_PREFIX: topicPrefix,
  };
  let kafka: KafkaClient;
  let connection: Connection;

  const catalog = (collection = 'stream_catalog') =>
    connection.db!.collection<StreamCatalogDocument>(collection).find().sort({ _id: 1 }).toArray();

  beforeAll(async () => {
    assertBuiltPackage(packageDir, 'npx turbo run build --filter=@threadline/ops...');
    kafka = createKafka({
      clientId: uniqueName('replay-cli'),
      brokers: kafkaBrokers.split(','),
      logLevel: 'error',
    });
    connection = await mongoose
      .createConnection(mongodbUri, { dbName: database, retryWrites: false })
      .asPromise();
    const admin = kafka.admin();
    try {
      await admin.ensureTopics([
        { topic, partitions: 3, configs: { 'retention.ms': '-1' } },
        { topic: dlt, partitions: 1, configs: { 'retention.ms': '-1' } },
      ]);
    } finally {
      await admin.disconnect();
    }
    const producer = kafka.producer();
    try {
      // Keyed and headed as the outbox relay writes them.
      await producer.send(
        topic,
        events.map((e) => ({
          key: e.streamId,
          value: JSON.stringify(e),
          headers: { type: e.type, version: String(e.version), eventId: e.eventId },
        })),
      );
    } finally {
      await producer.disconnect();
    }
  });

  afterAll(async () => {
    const admin = kafka.admin();
    await admin.deleteTopics([topic, dlt]).catch(() => undefined);
    await admin.disconnect();
    await connection?.dropDatabase().catch(() => undefined);
    await connection?.close();
  });

  it('given a live catalog built by the runner, when replayed in full, then it exits 0, matches, swaps, and the catalog holds every event once', async () => {
    const runner = createProjectionRunner({
      service: 'conversation',
      kafka,
      db: connection.db!,
      projection: streamCatalogProjection('conversation', { topics: [topic] }),
      groupId: uniqueName('replay-cli-live'),
      deadLetterTopic: dlt,
      maxWaitTimeMs: 100,
      logger: () => undefined,
    });
    await runner.start();
    try {
      const deadline = Date.now() + 20_000;
      while ((await catalog()).reduce((n, d) => n + d.eventCount, 0) < events.length) {
        if (Date.now() > deadline) throw new Error('the live runner did not apply every event');
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await runner.stop();
    }
    const live = await catalog();

    const run = await runCli(
      ['--service', 'conversation', '--projection', 'stream-catalog'],
      cliEnv,
    );

    expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('replay of conversation/stream-catalog (full)');
    expect(run.stdout).toContain(
      '  events     5 applied, 0 after --until, 0 of unknown type, 0 rejected (5 records)',
    );
    expect(run.stdout).toContain('  documents  live 2, rebuilt 2');
    expect(run.stdout).toContain('  match      yes');
    expect(run.stdout).toContain('  swapped    yes: stream_catalog is the rebuilt collection now');
    const rebuilt = await catalog();
    expect(rebuilt).toEqual(live);
    expect(rebuilt.map(catalogRow)).toEqual([
      {
        _id: 'thread-a',
        eventCount: 3,
        streamVersion: 3,
        lastEventType: 'conversation.message-sent',
        lastOccurredAt: '2026-11-23T10:30:00.000Z',
      },
      {
        _id: 'thread-b',
        eventCount: 2,
        streamVersion: 2,
        lastEventType: 'conversation.message-sent',
        lastOccurredAt: '2026-11-23T10:20:00.000Z',
      },
    ]);
  });

  it('given an --until that is not a zoned ISO date-time, then it exits 2 naming the field', async () => {
    const run = await runCli(
      ['--service', 'conversation', '--projection', 'stream-catalog', '--until', 'yesterday'],
      cliEnv,
    );

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'replay: --until: must be an ISO 8601 date-time with a zone, such as 2026-11-23T10:00:00Z',
    );
  });

  it('given an --until between events, then the as-of collection holds only the earlier events and the live one is untouched', async () => {
    const liveBefore = await catalog();

    const run = await runCli(
      [
        '--service',
        'conversation',
        '--projection',
        'stream-catalog',
        '--until',
        '2026-11-23T11:15:00+01:00',
      ],
      cliEnv,
    );

    expect({ code: run.code, stderr: run.stderr }).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('(as of 2026-11-23T10:15:00.000Z)');
    expect(run.stdout).toContain(
      '  events     3 applied, 2 after --until, 0 of unknown type, 0 rejected (5 records)',
    );
    const kept =
      /swapped {4}no: kept as (stream_catalog__as_of_20261123T101500000Z__built_\w+)/.exec(
        run.stdout,
      );
    expect(kept).not.toBeNull();
    const asOf = await catalog(kept![1]);
    expect(asOf.map(catalogRow)).toEqual([
      {
        _id: 'thread-a',
        eventCount: 2,
        streamVersion: 2,
        lastEventType: 'conversation.message-sent',
        lastOccurredAt: '2026-11-23T10:10:00.000Z',
      },
      {
        _id: 'thread-b',
        eventCount: 1,
        streamVersion: 1,
        lastEventType: 'conversation.conversation-started',
        lastOccurredAt: '2026-11-23T10:05:00.000Z',
      },
    ]);
    expect(await catalog()).toEqual(liveBefore);
  });
});
