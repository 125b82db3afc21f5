import { decodeEvent, eventsTopic, platformTopics, type KnownEvent } from '@threadline/contracts';
import { createKafka, type KafkaRecord } from '@threadline/kafka-client';
import { endpointsFromEnv, uniqueName } from '@threadline/testing';
import mongoose from 'mongoose';

const { kafkaBrokers, mongodbUri } = endpointsFromEnv();

const messageSent: KnownEvent = {
  eventId: '019aaf00-0000-7000-8000-0000000000aa',
  type: 'conversation.message-sent',
  version: 1,
  occurredAt: '2026-11-23T10:00:00.000Z',
  tenantId: 'app-round-trip',
  streamId: 'thread-app-round-trip-c1',
  streamVersion: 2,
  correlationId: 'corr-rt',
  causationId: 'cause-rt',
  payload: {
    clientMessageId: 'm-1',
    author: { kind: 'agent', agentId: 'agent-1' },
    text: 'Hello 👋',
  },
};

describe('round trip through the real infrastructure', () => {
  const kafka = createKafka({
    clientId: uniqueName('round-trip'),
    brokers: kafkaBrokers.split(','),
    logLevel: 'error',
  });

  it('has created every platform topic with records kept forever', async () => {
    const admin = kafka.admin();
    try {
      const topics = await admin.listTopics();
      expect(topics).toEqual(expect.arrayContaining(platformTopics()));
      const configs = await admin.topicConfigs(eventsTopic('conversation'));
      expect(configs['retention.ms']).toBe('-1');
    } finally {
      await admin.disconnect();
    }
  });

  it('an event produced to Kafka comes back to a consumer group identical and valid', async () => {
    const topic = uniqueName('round-trip');
    const admin = kafka.admin();
    const producer = kafka.producer();
    const consumer = kafka.consumer({
      groupId: uniqueName('round-trip-group'),
      maxWaitTimeMs: 100,
    });
    try {
      await admin.ensureTopics([{ topic, partitions: 1, configs: { 'retention.ms': '-1' } }]);
      await producer.send(topic, [
        { key: messageSent.streamId, value: JSON.stringify(messageSent) },
      ]);

      const received = new Promise<KafkaRecord>((resolve) => {
        void consumer
          .subscribe([topic], { fromBeginning: true })
          .then(() => consumer.run({ eachRecord: async (record) => resolve(record) }));
      });
      const record = await received;

      expect(record.key).toBe(messageSent.streamId);
      expect(decodeEvent(JSON.parse(String(record.value)))).toEqual({
        ok: true,
        event: messageSent,
      });
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
      await admin.deleteTopics([topic]).catch(() => undefined);
      await admin.disconnect();
    }
  });

  it('a document written through mongoose reads back identical, and a unique index holds', async () => {
    const connection = await mongoose
      .createConnection(mongodbUri, {
        dbName: uniqueName('round_trip').replace(/-/g, '_'),
        retryWrites: false,
      })
      .asPromise();
    try {
      const Commit = connection.model(
        'Commit',
        new mongoose.Schema({
          streamId: { type: String, required: true },
          version: { type: Number, required: true },
          events: { type: [mongoose.Schema.Types.Mixed], required: true },
        }).index({ streamId: 1, version: 1 }, { unique: true }),
      );
      await Commit.init();
      await Commit.create({ streamId: messageSent.streamId, version: 1, events: [messageSent] });

      const stored = await Commit.findOne({ streamId: messageSent.streamId }).lean();
      expect(stored?.events).toEqual([messageSent]);
      await expect(
        Commit.create({ streamId: messageSent.streamId, version: 1, events: [] }),
      ).rejects.toMatchObject({
        code: 11000,
      });
    } finally {
      await connection.dropDatabase();
      await connection.close();
    }
  });
});
