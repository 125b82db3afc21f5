import { contactIdOf, threadStreamId } from '@threadline/contracts';
import {
  AggregateRepository,
  createEventBackbone,
  createProjectionRunner,
  fingerprintCollection,
  replayProjection,
  systemClock,
  type EventBackbone,
  type Projection,
} from '@threadline/eventing';
import { createKafka, type KafkaClient } from '@threadline/kafka-client';
import { endpointsFromEnv, uniqueName } from '@threadline/testing';
import mongoose, { type Connection } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { MergeVisitorConversationCommand } from '../src/application';
import { MergeVisitorConversationHandler } from '../src/application/merge/merge-visitor-conversation.handler';
import { MarkThreadReadCommand } from '../src/application/threads/mark-thread-read.command';
import { MarkThreadReadHandler } from '../src/application/threads/mark-thread-read.handler';
import { SendMessageCommand } from '../src/application/threads/send-message.command';
import { SendMessageHandler } from '../src/application/threads/send-message.handler';
import { threadDecider, type Sender } from '../src/domain';
import { cachedThreads } from '../src/infrastructure/eventing/cached-threads';
import { EventStoreThreadHistory } from '../src/infrastructure/eventing/event-store-thread-history';
import { threadCodec } from '../src/infrastructure/eventing/thread.codec';
import { threadMessagesProjection, threadsProjection } from '../src/projections';
import { waitFor } from './support/http';
import { caughtUp } from './support/services';

/**
 * S15: the thread projections rebuilt from offset 0 equal the live ones. The service's own
 * handlers write a history (devices, agents, retries, reads and a merge) to a topic of this test.
 */
describe('thread projections replayed from the log (real Kafka and store)', () => {
  const { kafkaBrokers, mongodbUri } = endpointsFromEnv();
  const topic = `${uniqueName('conv-replay')}.conversation.events`;
  const dlt = `${topic}.dlt`;
  let kafka: KafkaClient;
  let connection: Connection;
  let backbone: EventBackbone;

  beforeAll(async () => {
    kafka = createKafka({
      clientId: uniqueName('conv-replay'),
      brokers: kafkaBrokers.split(','),
      logLevel: 'error',
    });
    const admin = kafka.admin();
    try {
      await admin.ensureTopics([
        { topic, partitions: 3, configs: { 'retention.ms': '-1' } },
        { topic: dlt, partitions: 1, configs: { 'retention.ms': '-1' } },
      ]);
    } finally {
      await admin.disconnect();
    }
    connection = await mongoose
      .createConnection(mongodbUri, {
        dbName: uniqueName('conv_replay').replace(/-/g, '_'),
        retryWrites: false,
      })
      .asPromise();
    backbone = createEventBackbone({ connection, kafka, service: 'conversation', topic });
    await backbone.init();
    backbone.relay.start();
  });

  afterAll(async () => {
    await backbone?.relay.stop();
    const admin = kafka.admin();
    await admin.deleteTopics([topic, dlt]).catch(() => undefined);
    await admin.disconnect();
    await connection?.dropDatabase();
    await connection?.close();
  });

  async function writeHistory(app: string): Promise<void> {
    const streams = new AggregateRepository(backbone.store, threadDecider, threadCodec, {
      snapshots: { store: backbone.snapshots, every: 10, schemaVersion: 1 },
    });
    const threads = cachedThreads(streams, {
      maxThreads: 10,
      attempts: 10,
    });
    const history = new EventStoreThreadHistory(backbone.store);
    const send = new SendMessageHandler(threads, history, systemClock, () => uuidv7());
    const read = new MarkThreadReadHandler(threads);
    const merge = new MergeVisitorConversationHandler(threads, history);

    const user = contactIdOf(app, { kind: 'user', userId: 'ada' });
    const visitor = contactIdOf(app, { kind: 'visitor', visitorId: 'anon-1' });
    const other = contactIdOf(app, { kind: 'user', userId: 'bob' });
    const say = (contactId: string, sender: Sender, text: string, id = uuidv7()) =>
      send.execute(new SendMessageCommand(app, contactId, id, sender, text, 'corr'));
    const phone: Sender = { kind: 'user', deviceId: 'phone' };
    const agent: Sender = { kind: 'agent', agentId: 'agent-1' };

    for (let i = 0; i < 12; i++) {
      const sent = await say(
        i % 3 === 2 ? visitor : user,
        i % 2 ? agent : phone,
        `message ${i}`,
        `c-${i}-xxxxxx`,
      );
      if (i % 4 === 0)
        await say(i % 3 === 2 ? visitor : user, i % 2 ? agent : phone, 'retry', `c-${i}-xxxxxx`);
      if (i === 4)
        await read.execute(
          new MarkThreadReadCommand(app, user, 'user', sent.message.cursor, 'corr'),
        );
    }
    await say(other, { kind: 'user', deviceId: 'laptop' }, 'hello from bob');
    await merge.execute(new MergeVisitorConversationCommand(app, 'ada', 'anon-1', 'corr', 'cause'));
    await merge.execute(new MergeVisitorConversationCommand(app, 'ada', 'anon-1', 'corr', 'cause'));
    const last = await say(user, agent, 'after the merge');
    await read.execute(
      new MarkThreadReadCommand(app, user, 'agent', last.message.messageId, 'corr'),
    );
    expect((await streams.load(threadStreamId(user))).state).toMatchObject({ status: 'open' });
  }

  async function runLive(projection: Projection, groupId = uniqueName('live')) {
    const runner = createProjectionRunner({
      service: 'conversation',
      kafka,
      db: connection.db!,
      projection,
      groupId,
      deadLetterTopic: dlt,
      maxWaitTimeMs: 100,
      logger: () => undefined,
    });
    await runner.start();
    await caughtUp(kafka, runner.groupId, topic);
    await runner.stop();
  }

  it('rebuilds threads and thread-messages equal to the live ones, and re-applying every event changes nothing', async () => {
    const app = uniqueName('app');
    await writeHistory(app);
    await waitFor(
      () => connection.db!.collection('commits').countDocuments({ published: false }),
      (unpublished) => unpublished === 0,
    );

    for (const projection of [
      threadsProjection({ topics: [topic] }),
      threadMessagesProjection({ topics: [topic] }),
    ]) {
      await runLive(projection);
      const live = await fingerprintCollection(connection.db!.collection(projection.collection));
      expect(live.count).toBeGreaterThan(2);

      const report = await replayProjection({
        service: 'conversation',
        kafka,
        db: connection.db!,
        projection,
        maxWaitTimeMs: 100,
        logger: () => undefined,
      });
      expect(report).toMatchObject({ matched: true, swapped: true, live, rebuilt: live });
      expect(report.events).toMatchObject({ rejected: 0, unknownType: 0 });

      await runLive(projection);
      expect(await fingerprintCollection(connection.db!.collection(projection.collection))).toEqual(
        live,
      );
    }

    const user = await connection.db!.collection('threads').findOne({
      _id: threadStreamId(contactIdOf(app, { kind: 'user', userId: 'ada' })) as never,
    });
    // 8 of ada's own, 4 merged from the visitor, 1 after the merge; 3 retries stored nothing.
    expect(user).toMatchObject({ messageCount: 13, unread: { agent: 0 } });
    expect(await connection.db!.collection('thread_messages').countDocuments()).toBe(13 + 4 + 1);
  });
});
