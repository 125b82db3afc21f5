import { uniqueName } from '@threadline/testing';
import type { mongo } from 'mongoose';
import {
  createProjectionContext,
  createProjectionRunner,
  fingerprintCollection,
  readDeadLetter,
  streamCatalogProjection,
  type ProjectionDocument,
  type ProjectionRunner,
  type StreamCatalogDocument,
} from '../../src';
import {
  aConversationStarted,
  aMessageSent,
  capturingLogger,
  connectTestDb,
  createTopics,
  deleteTopics,
  produceEvents,
  readRecords,
  testInfra,
  waitUntilCaughtUp,
} from './projection-test-kit';

const { kafka, mongodbUri } = testInfra('projection-runner');

describe('projection runner on real Kafka and the real store', () => {
  let db: mongo.Db;
  let closeDb: () => Promise<void>;
  const topics: string[] = [];
  const runners: ProjectionRunner[] = [];

  beforeAll(async () => {
    ({ db, close: closeDb } = await connectTestDb(mongodbUri, 'projection_runner'));
  });
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((r) => r.stop()));
  });
  afterAll(async () => {
    await deleteTopics(kafka, topics);
    await closeDb();
  });

  async function aTopicPair(partitions: number) {
    const topic = uniqueName('conversation-events');
    const dlt = `${topic}.dlt`;
    topics.push(topic, dlt);
    await createTopics(kafka, [
      { topic, partitions },
      { topic: dlt, partitions: 1 },
    ]);
    return { topic, dlt };
  }

  function startRunner(
    topic: string,
    dlt: string,
    collection: string,
    logger = capturingLogger().log,
  ) {
    const runner = createProjectionRunner({
      service: 'conversation',
      kafka,
      db,
      projection: streamCatalogProjection('conversation', { topics: [topic], collection }),
      groupId: uniqueName('catalog-group'),
      deadLetterTopic: dlt,
      maxWaitTimeMs: 100,
      logger,
    });
    runners.push(runner);
    return runner;
  }

  it('given an event applied once, when the same event is applied again, then the document is unchanged', async () => {
    const collection = db.collection<ProjectionDocument>(
      uniqueName('catalog_twice').replace(/-/g, '_'),
    );
    const projection = streamCatalogProjection('conversation');
    const ctx = createProjectionContext(collection, projection.schemaVersion);
    const started = aConversationStarted({ streamId: 'thread-1' });
    const sent = aMessageSent({
      streamId: 'thread-1',
      streamVersion: 2,
      occurredAt: '2026-11-23T10:05:00.000Z',
    });

    await projection.apply(started, ctx);
    await projection.apply(sent, ctx);
    const once = await collection.findOne({ _id: 'thread-1' });
    await projection.apply(sent, ctx);
    await projection.apply(started, ctx);
    const twice = await collection.findOne({ _id: 'thread-1' });

    expect(twice).toEqual(once);
    expect(once).toEqual({
      _id: 'thread-1',
      streamId: 'thread-1',
      tenantId: 'app-test',
      streamVersion: 2,
      schemaVersion: 1,
      eventCount: 2,
      eventTypes: { 'conversation:conversation-started': 1, 'conversation:message-sent': 1 },
      firstOccurredAt: new Date('2026-11-23T09:00:00.000Z'),
      lastOccurredAt: new Date('2026-11-23T10:05:00.000Z'),
      lastEventType: 'conversation.message-sent',
    });
    await expect(
      ctx.applyOnce(
        { _id: 'thread-1', streamId: 'thread-1', streamVersion: 2 },
        { $inc: { eventCount: 1 } },
      ),
    ).resolves.toBe('already-applied');
  });

  it('given a consumed topic, when records are redelivered and a new group re-consumes it all, then the read model and versions are unchanged', async () => {
    const { topic, dlt } = await aTopicPair(3);
    const collection = uniqueName('catalog_redelivery').replace(/-/g, '_');
    const events = ['a', 'b', 'c', 'd'].flatMap((s) => [
      aConversationStarted({ streamId: `thread-${s}` }),
      aMessageSent({ streamId: `thread-${s}`, streamVersion: 2 }),
      aMessageSent({
        streamId: `thread-${s}`,
        streamVersion: 3,
        occurredAt: '2026-11-23T11:00:00.000Z',
      }),
    ]);
    await produceEvents(kafka, topic, events);
    const first = startRunner(topic, dlt, collection);
    await first.start();
    await waitUntilCaughtUp(kafka, first.groupId, [topic]);
    const live = db.collection(collection);
    const before = await fingerprintCollection(live);
    expect(before.count).toBe(4);
    expect(
      await live
        .find({}, { projection: { streamVersion: 1, eventCount: 1 } })
        .sort({ _id: 1 })
        .toArray(),
    ).toEqual(
      ['a', 'b', 'c', 'd'].map((s) => ({ _id: `thread-${s}`, streamVersion: 3, eventCount: 3 })),
    );

    // At-least-once: the same records arrive again, as after a producer retry.
    await produceEvents(kafka, topic, events.slice(0, 6));
    await waitUntilCaughtUp(kafka, first.groupId, [topic]);
    expect(await fingerprintCollection(live)).toEqual(before);

    const second = startRunner(topic, dlt, collection);
    await second.start();
    await waitUntilCaughtUp(kafka, second.groupId, [topic]);
    expect(await fingerprintCollection(live)).toEqual(before);
  });

  it('given invalid records between valid ones, when consumed, then each lands in the dead-letter topic with its reason and origin, and the runner goes on', async () => {
    const { topic, dlt } = await aTopicPair(1);
    const collection = uniqueName('catalog_dlt').replace(/-/g, '_');
    const valid1 = aConversationStarted({ streamId: 'thread-x' });
    const badPayload = aMessageSent({ streamId: 'thread-x', streamVersion: 2 });
    badPayload.payload = { ...(badPayload.payload as object), text: '' };
    const unknown = aMessageSent({
      streamId: 'thread-x',
      streamVersion: 3,
      type: 'conversation.not-yet-invented',
    });
    const valid2 = aMessageSent({ streamId: 'thread-x', streamVersion: 4 });
    await produceEvents(kafka, topic, [
      valid1,
      { key: 'thread-x', value: '{"this is": not json' },
      {
        key: 'thread-x',
        value: JSON.stringify({ ...valid1, eventId: 'not-a-uuid', streamVersion: 2 }),
      },
      badPayload,
      unknown,
      valid2,
    ]);
    const logs = capturingLogger();
    const runner = startRunner(topic, dlt, collection, logs.log);
    await runner.start();
    await waitUntilCaughtUp(kafka, runner.groupId, [topic]);

    const parked = await readRecords(kafka, dlt, 3);
    const letters = parked.map((r) => ({
      info: readDeadLetter(r),
      value: String(r.value),
      key: r.key,
    }));
    expect(letters.map((l) => l.info?.source)).toEqual(
      ['1', '2', '3'].map((offset) => ({
        topic,
        partition: 0,
        offset,
        timestamp: expect.any(String),
      })),
    );
    expect(letters.every((l) => l.info?.kind === 'invalid' && l.key === 'thread-x')).toBe(true);
    expect(letters.map((l) => l.info?.consumerGroup)).toEqual([
      runner.groupId,
      runner.groupId,
      runner.groupId,
    ]);
    const [notJson, badEnvelope, badPayloadLetter] = letters;
    expect(notJson?.info?.reason).toMatch(/^value is not JSON: /);
    expect(notJson?.value).toBe('{"this is": not json');
    expect(badEnvelope?.info?.reason).toMatch(/^eventId: /);
    expect(badPayloadLetter?.info?.reason).toMatch(/^payload\.text: /);
    expect(JSON.parse(badPayloadLetter?.value ?? '')).toEqual(badPayload);

    expect(logs.entries).toContainEqual(
      expect.objectContaining({ message: 'skipped event of unknown type', offset: '4' }),
    );
    const doc = await db.collection<StreamCatalogDocument>(collection).findOne({ _id: 'thread-x' });
    expect(doc).toMatchObject({ streamVersion: 4, eventCount: 2 });
  });
});
