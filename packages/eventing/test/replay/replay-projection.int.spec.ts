import { uniqueName } from '@threadline/testing';
import type { mongo } from 'mongoose';
import {
  createProjectionRunner,
  fingerprintCollection,
  replayProjection,
  streamCatalogProjection,
  type ReplayProgress,
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
  testInfra,
  waitUntilCaughtUp,
} from '../projection/projection-test-kit';

const { kafka, mongodbUri } = testInfra('replay');

describe('replaying a projection on real Kafka and the real store', () => {
  let db: mongo.Db;
  let closeDb: () => Promise<void>;
  const topics: string[] = [];

  beforeAll(async () => {
    ({ db, close: closeDb } = await connectTestDb(mongodbUri, 'replay'));
  });
  afterAll(async () => {
    await deleteTopics(kafka, topics);
    await closeDb();
  });

  /** A topic with a history over three hours, and a live catalog that consumed all of it. */
  async function aLiveCatalog() {
    const topic = uniqueName('conversation-events');
    const dlt = `${topic}.dlt`;
    topics.push(topic, dlt);
    await createTopics(kafka, [
      { topic, partitions: 3 },
      { topic: dlt, partitions: 1 },
    ]);
    const hours = ['09', '10', '11'];
    await produceEvents(kafka, topic, [
      ...['a', 'b', 'c', 'd', 'e'].flatMap((s) =>
        hours.map((h, i) =>
          i === 0
            ? aConversationStarted({
                streamId: `thread-${s}`,
                occurredAt: `2026-11-23T${h}:00:00.000Z`,
              })
            : aMessageSent({
                streamId: `thread-${s}`,
                streamVersion: i + 1,
                occurredAt: `2026-11-23T${h}:00:00.000Z`,
              }),
        ),
      ),
      aConversationStarted({ streamId: 'thread-late', occurredAt: '2026-11-23T11:30:00.000Z' }),
      aMessageSent({
        streamId: 'thread-a',
        streamVersion: 4,
        type: 'conversation.not-yet-invented',
      }),
      { key: 'thread-z', value: 'not json' },
    ]);
    const collection = uniqueName('catalog').replace(/-/g, '_');
    const projection = streamCatalogProjection('conversation', { topics: [topic], collection });
    const logger = capturingLogger().log;
    const runner = createProjectionRunner({
      service: 'conversation',
      kafka,
      db,
      projection,
      groupId: uniqueName('live-catalog'),
      deadLetterTopic: dlt,
      maxWaitTimeMs: 100,
      logger,
    });
    await runner.start();
    await waitUntilCaughtUp(kafka, runner.groupId, [topic]);
    await runner.stop();
    return { projection, collection, logger, topic };
  }

  async function collectionNames(): Promise<string[]> {
    return (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
  }

  it('given a live projection, when replayed from offset 0, then the rebuilt one equals it and is swapped in; a damaged live one is repaired', async () => {
    const { projection, collection, logger } = await aLiveCatalog();
    const live = await fingerprintCollection(db.collection(collection));
    expect(live.count).toBe(6);
    const progress: ReplayProgress[] = [];

    const report = await replayProjection({
      service: 'conversation',
      kafka,
      db,
      projection,
      logger,
      maxWaitTimeMs: 100,
      onProgress: (p) => progress.push(p),
    });

    expect(report).toMatchObject({
      liveCollection: collection,
      rebuiltCollection: collection,
      records: 18,
      events: { applied: 16, afterUntil: 0, unknownType: 1, rejected: 1 },
      live,
      rebuilt: live,
      matched: true,
      swapped: true,
      caughtUp: 0,
    });
    expect(progress.at(-1)).toMatchObject({ processed: 18, applied: 16, total: 18 });
    expect(await fingerprintCollection(db.collection(collection))).toEqual(live);
    expect((await collectionNames()).filter((n) => n.startsWith(`${collection}__`))).toEqual([]);

    const damaged = db.collection<StreamCatalogDocument>(collection);
    await damaged.deleteOne({ _id: 'thread-b' });
    await damaged.updateOne({ _id: 'thread-c' }, { $set: { eventCount: 99 } });
    const repaired = await replayProjection({
      service: 'conversation',
      kafka,
      db,
      projection,
      logger,
      maxWaitTimeMs: 100,
    });
    expect(repaired).toMatchObject({ matched: false, swapped: true, rebuilt: live });
    expect(repaired.live.count).toBe(5);
    expect(await fingerprintCollection(db.collection(collection))).toEqual(live);
  });

  it('given --until, when replayed, then the result is the projection as of that time, kept beside the untouched live one', async () => {
    const { projection, collection, logger } = await aLiveCatalog();
    const live = await fingerprintCollection(db.collection(collection));

    const report = await replayProjection({
      service: 'conversation',
      kafka,
      db,
      projection,
      logger,
      maxWaitTimeMs: 100,
      until: new Date('2026-11-23T10:00:00.000Z'),
    });

    expect(report).toMatchObject({
      until: '2026-11-23T10:00:00.000Z',
      events: { applied: 10, afterUntil: 6 },
      live,
      matched: false,
      swapped: false,
    });
    expect(report.rebuiltCollection).toMatch(
      new RegExp(`^${collection}__as_of_20261123T100000000Z__built_\\d{8}T\\d{9}Z$`),
    );
    expect(await fingerprintCollection(db.collection(collection))).toEqual(live);
    const asOf = await db.collection(report.rebuiltCollection).find({}).sort({ _id: 1 }).toArray();
    expect(asOf.map((d) => d._id)).toEqual([
      'thread-a',
      'thread-b',
      'thread-c',
      'thread-d',
      'thread-e',
    ]);
    expect(asOf[0]).toEqual({
      _id: 'thread-a',
      streamId: 'thread-a',
      tenantId: 'app-test',
      streamVersion: 2,
      schemaVersion: 1,
      eventCount: 2,
      eventTypes: { 'conversation:conversation-started': 1, 'conversation:message-sent': 1 },
      firstOccurredAt: new Date('2026-11-23T09:00:00.000Z'),
      lastOccurredAt: new Date('2026-11-23T10:00:00.000Z'),
      lastEventType: 'conversation.message-sent',
    });
  });

  it('given events written while a full replay runs, when it swaps, then it catches up on them', async () => {
    const { projection, collection, logger, topic } = await aLiveCatalog();
    let produced = false;
    const writesMeanwhile: typeof projection = {
      ...projection,
      async apply(event, ctx) {
        if (!produced) {
          produced = true;
          await produceEvents(kafka, topic, [
            aMessageSent({
              streamId: 'thread-a',
              streamVersion: 4,
              occurredAt: '2026-11-23T12:00:00.000Z',
            }),
            aConversationStarted({
              streamId: 'thread-new',
              occurredAt: '2026-11-23T12:00:00.000Z',
            }),
          ]);
        }
        await projection.apply(event, ctx);
      },
    };

    const report = await replayProjection({
      service: 'conversation',
      kafka,
      db,
      projection: writesMeanwhile,
      logger,
      maxWaitTimeMs: 100,
    });

    expect(report).toMatchObject({ records: 18, matched: true, swapped: true, caughtUp: 2 });
    const docs = db.collection<StreamCatalogDocument>(collection);
    expect(await docs.countDocuments()).toBe(7);
    expect(await docs.findOne({ _id: 'thread-a' })).toMatchObject({
      streamVersion: 4,
      eventCount: 4,
    });
  });
});
