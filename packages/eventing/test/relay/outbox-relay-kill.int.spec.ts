import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { KnownEvent } from '@threadline/contracts';
import type { KafkaClient, KafkaRecord } from '@threadline/kafka-client';
import {
  assertBuiltPackage,
  connectToFreshDatabase,
  dropAndClose,
  endpointsFromEnv,
  storedEnvelopes,
  uniqueName,
} from '@threadline/testing';
import { Types, type Connection } from 'mongoose';
import {
  createEventBackbone,
  createProjectionRunner,
  streamCatalogProjection,
  type EventBackbone,
  type ProjectionRunner,
  type StreamCatalogDocument,
} from '../../src';
import {
  capturingLogger,
  createTopics,
  waitUntilCaughtUp,
} from '../projection/projection-test-kit';
import { aConversationStarted, aMessageSent } from '../store/thread.fixture';
import {
  deleteTopic,
  readTopic,
  testKafka,
  waitFor,
  decodedEvent,
  outOfOrder,
} from './kafka-harness';

const STREAMS = 6;
const COMMITS_PER_STREAM = 5;
const BATCH_SIZE = 8;
const packageDir = join(__dirname, '..', '..');

/** Spawns the relay child and resolves with its first "published" line. */
function spawnRelayChild(
  dbName: string,
  topic: string,
): { child: ChildProcess; firstPublished: Promise<string[]> } {
  const { kafkaBrokers, mongodbUri } = endpointsFromEnv();
  const child = spawn(
    process.execPath,
    [join(__dirname, 'relay-child.js'), dbName, topic, String(BATCH_SIZE)],
    {
      env: { ...process.env, KAFKA_BROKERS: kafkaBrokers, MONGODB_URI: mongodbUri },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstPublished = new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no batch published in 20 s\n${stderr}`)),
      20_000,
    );
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((l) => l.startsWith('published '));
      if (line) {
        clearTimeout(timer);
        resolve(line.split(' ')[2]!.split(','));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`relay child exited (${code ?? signal}) before publishing\n${stderr}`));
    });
  });
  return { child, firstPublished };
}

describe('outbox relay killed with SIGKILL between publish and mark (real process, Kafka, store)', () => {
  let kafka: KafkaClient;
  let connection: Connection;
  let topic: string;
  let child: ChildProcess | undefined;
  let backbone: EventBackbone | undefined;
  let runner: ProjectionRunner | undefined;

  beforeAll(() =>
    assertBuiltPackage(packageDir, 'npx turbo run build --filter=@threadline/eventing'),
  );
  beforeEach(async () => {
    kafka = testKafka('relay-kill');
    connection = await connectToFreshDatabase('relay_kill');
    topic = uniqueName('relay-kill-events');
    await createTopics(kafka, [
      { topic, partitions: 3 },
      { topic: `${topic}.dlt`, partitions: 1 },
    ]);
  });
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await runner?.stop();
    if (backbone?.relay.isRunning) await backbone.relay.stop();
    await deleteTopic(kafka, topic);
    await deleteTopic(kafka, `${topic}.dlt`);
    await dropAndClose(connection);
  });

  const commits = () => connection.db!.collection('commits');

  it('republishes the killed batch on restart: every event on Kafka at least once, in stream order, and projected exactly once', async () => {
    backbone = createEventBackbone({
      connection,
      kafka,
      service: 'conversation',
      topic,
      nudgeOnAppend: false,
      relay: { batchSize: BATCH_SIZE, pollIntervalMs: 20 },
    });
    await backbone.init();
    const written: KnownEvent[] = [];
    const versions = new Map<string, number>();
    // Round-robin over the streams, so a batch in natural order mixes them.
    for (let c = 0; c < COMMITS_PER_STREAM; c++) {
      for (let s = 0; s < STREAMS; s++) {
        const streamId = `thread-${s}`;
        const events =
          c === 0
            ? [aConversationStarted(), aMessageSent({ clientMessageId: `${s}-0` })]
            : [aMessageSent({ clientMessageId: `${s}-${c}` })];
        const result = await backbone.store.append(streamId, versions.get(streamId) ?? 0, events);
        written.push(...result.events);
        versions.set(streamId, result.toVersion);
      }
    }
    const commitCount = STREAMS * COMMITS_PER_STREAM;

    const spawned = spawnRelayChild(connection.name, topic);
    child = spawned.child;
    const publishedIds = await spawned.firstPublished;
    const exited = new Promise((resolve) => child!.once('exit', (_, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const killedBatch = await commits()
      .find({ _id: { $in: publishedIds.map((id) => new Types.ObjectId(id)) } })
      .toArray();
    expect(killedBatch).toHaveLength(publishedIds.length);
    expect(killedBatch.every((c) => c.published === false)).toBe(true);
    expect(await commits().countDocuments({ published: false })).toBe(commitCount);
    const killedEventIds = killedBatch.flatMap((c) =>
      storedEnvelopes<{ eventId: string }>(c).map((e) => e.eventId),
    );

    backbone.relay.start();
    await waitFor(async () => (await commits().countDocuments({ published: false })) === 0, 20_000);
    await backbone.relay.stop();

    const admin = kafka.admin();
    const offsets = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
    const onTopic = offsets.reduce((n, p) => n + Number(BigInt(p.high) - BigInt(p.low)), 0);
    const records = await readTopic(kafka, topic, (read) => read.length >= onTopic, 20_000);
    const received = records.map(decodedEvent);

    expect(new Set(received.map((e) => e.eventId))).toEqual(new Set(written.map((e) => e.eventId)));
    const seen = new Set<string>();
    const duplicates = received.filter((e) => seen.has(e.eventId) || !seen.add(e.eventId));
    process.stderr.write(
      `relay kill: ${commitCount} commits (${written.length} events), ${publishedIds.length} commits (${killedEventIds.length} events) published before the kill, ${records.length} records, ${duplicates.length} duplicates\n`,
    );
    // Exactly the killed batch went out twice: at least once, never lost, nothing else repeated.
    expect(duplicates.length).toBeGreaterThan(0);
    expect(duplicates.map((e) => e.eventId).sort()).toEqual([...killedEventIds].sort());

    const partitionOf = new Map<string, number>();
    const byPartition = new Map<number, KafkaRecord[]>();
    for (const record of records) {
      const event = decodedEvent(record);
      expect(record.key).toBe(event.streamId);
      expect(partitionOf.get(event.streamId) ?? record.partition).toBe(record.partition);
      partitionOf.set(event.streamId, record.partition);
      byPartition.set(record.partition, [...(byPartition.get(record.partition) ?? []), record]);
    }
    for (const partition of byPartition.values()) {
      const ordered = partition.sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset)));
      expect(outOfOrder(ordered.map(decodedEvent))).toEqual([]);
    }

    const collection = uniqueName('catalog_kill').replace(/-/g, '_');
    const logger = capturingLogger();
    runner = createProjectionRunner({
      service: 'conversation',
      kafka,
      db: connection.db!,
      projection: streamCatalogProjection('conversation', { topics: [topic], collection }),
      groupId: uniqueName('catalog-kill-group'),
      deadLetterTopic: `${topic}.dlt`,
      maxWaitTimeMs: 100,
      logger: logger.log,
    });
    await runner.start();
    await waitUntilCaughtUp(kafka, runner.groupId, [topic], 20_000);

    const documents = await connection
      .db!.collection<StreamCatalogDocument>(collection)
      .find()
      .sort({ _id: 1 })
      .toArray();
    expect(documents.map((d) => [d._id, d.eventCount, d.streamVersion, d.eventTypes])).toEqual(
      [...versions].map(([streamId, version]) => [
        streamId,
        written.filter((e) => e.streamId === streamId).length,
        version,
        { 'conversation:conversation-started': 1, 'conversation:message-sent': version - 1 },
      ]),
    );
    expect(logger.entries.filter((e) => e.level !== 'info')).toEqual([]);
  }, 60_000);
});
