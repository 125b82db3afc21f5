import type { EventEnvelope } from '@threadline/contracts';
import {
  createKafka,
  type KafkaAdmin,
  type KafkaClient,
  type KafkaRecord,
} from '@threadline/kafka-client';
import { endpointsFromEnv, uniqueName } from '@threadline/testing';
import mongoose, { type mongo } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import type { ProjectionLogEntry } from '../../src';

/** Real Kafka and a real store, with names no other test uses. */
export function testInfra(prefix: string) {
  const { kafkaBrokers, mongodbUri } = endpointsFromEnv();
  const kafka = createKafka({
    clientId: uniqueName(prefix),
    brokers: kafkaBrokers.split(','),
    logLevel: 'error',
  });
  return { kafka, mongodbUri };
}

export async function connectTestDb(
  mongodbUri: string,
  prefix: string,
): Promise<{ db: mongo.Db; close(): Promise<void> }> {
  const connection = await mongoose
    .createConnection(mongodbUri, {
      dbName: uniqueName(prefix).replace(/-/g, '_'),
      retryWrites: false,
    })
    .asPromise();
  const db = connection.db;
  if (!db) throw new Error('mongoose connection has no db');
  return {
    db,
    async close() {
      await connection.dropDatabase();
      await connection.close();
    },
  };
}

export async function createTopics(
  kafka: KafkaClient,
  topics: { topic: string; partitions: number }[],
): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.ensureTopics(topics.map((t) => ({ ...t, configs: { 'retention.ms': '-1' } })));
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTopics(kafka: KafkaClient, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  try {
    await admin.deleteTopics(topics).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

/** A valid `conversation.message-sent` event; tests pick the stream, version and time. */
export function aMessageSent(
  overrides: Partial<EventEnvelope> & Pick<EventEnvelope, 'streamId' | 'streamVersion'>,
): EventEnvelope {
  return {
    eventId: uuidv7(),
    type: 'conversation.message-sent',
    version: 1,
    occurredAt: '2026-11-23T10:00:00.000Z',
    tenantId: 'app-test',
    correlationId: 'corr-test',
    causationId: 'cause-test',
    payload: {
      clientMessageId: `m-${overrides.streamId}-${overrides.streamVersion}`,
      author: { kind: 'agent', agentId: 'agent-1' },
      text: 'Hello',
    },
    ...overrides,
  };
}

/** A valid `conversation.conversation-started` event. */
export function aConversationStarted(
  overrides: Partial<EventEnvelope> & Pick<EventEnvelope, 'streamId'>,
): EventEnvelope {
  return {
    eventId: uuidv7(),
    type: 'conversation.conversation-started',
    version: 1,
    occurredAt: '2026-11-23T09:00:00.000Z',
    tenantId: 'app-test',
    streamVersion: 1,
    correlationId: 'corr-test',
    causationId: 'cause-test',
    payload: { contactId: 'c1' },
    ...overrides,
  };
}

/** Produces events the way the relay does: envelope JSON, key = stream id, type/version/eventId headers. */
export async function produceEvents(
  kafka: KafkaClient,
  topic: string,
  events: (EventEnvelope | { key: string; value: string })[],
): Promise<void> {
  const producer = kafka.producer();
  try {
    await producer.send(
      topic,
      events.map((e) =>
        'eventId' in e
          ? {
              key: e.streamId,
              value: JSON.stringify(e),
              headers: { type: e.type, version: String(e.version), eventId: e.eventId },
            }
          : e,
      ),
    );
  } finally {
    await producer.disconnect();
  }
}

/** Waits until `groupId` has committed every record the topics hold now. */
export async function waitUntilCaughtUp(
  kafka: KafkaClient,
  groupId: string,
  topics: string[],
  timeoutMs = 60_000,
): Promise<void> {
  const admin = kafka.admin();
  const deadline = Date.now() + timeoutMs;
  try {
    const ends = new Map<string, string>();
    for (const topic of topics) {
      for (const p of await admin.fetchTopicOffsets(topic))
        ends.set(`${topic}/${p.partition}`, p.high);
    }
    for (;;) {
      if (await caughtUp(admin, groupId, topics, ends)) return;
      if (Date.now() > deadline) throw new Error(`${groupId} did not catch up in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await admin.disconnect();
  }
}

async function caughtUp(
  admin: KafkaAdmin,
  groupId: string,
  topics: string[],
  ends: Map<string, string>,
): Promise<boolean> {
  const committed = new Map<string, string>();
  for (const t of await admin.fetchGroupOffsets(groupId, topics)) {
    for (const p of t.partitions) committed.set(`${t.topic}/${p.partition}`, p.offset);
  }
  return [...ends].every(([key, high]) =>
    high === '0' ? true : BigInt(committed.get(key) ?? '-1') >= BigInt(high),
  );
}

/** Reads `count` records of a topic from the beginning with a fresh group. */
export async function readRecords(
  kafka: KafkaClient,
  topic: string,
  count: number,
): Promise<KafkaRecord[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('read'), maxWaitTimeMs: 100 });
  const records: KafkaRecord[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${records.length} of ${count} records from ${topic}`)),
        60_000,
      );
      void consumer
        .subscribe([topic], { fromBeginning: true })
        .then(() =>
          consumer.run({
            eachRecord: async (record) => {
              records.push(record);
              if (records.length >= count) {
                clearTimeout(timer);
                resolve();
              }
            },
          }),
        )
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}

/** A logger that keeps entries for assertions instead of printing them. */
export function capturingLogger(): {
  entries: ProjectionLogEntry[];
  log(entry: ProjectionLogEntry): void;
} {
  const entries: ProjectionLogEntry[] = [];
  return { entries, log: (entry) => entries.push(entry) };
}
