import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { contactIdOf, eventsTopic } from '@threadline/contracts';
import {
  ConversationModule,
  loadConversationConfig,
  VISITOR_MERGE_GROUP,
} from '@threadline/conversation';
import { createKafka, type KafkaClient } from '@threadline/kafka-client';
import mongoose from 'mongoose';
import { runForkedLoad } from '../forked-load';
import { compare, percentile, type Comparison, type Figure } from '../measure';
import type { MessageLoadRequest, MessageLoadResult } from './message-load';
import { rawProduceConsumeLatency } from './produce-consume-latency';
import { watchThreadCounts } from './projection-watch';

export interface MessagesBenchOptions {
  kafkaBrokers: string;
  mongodbUri: string;
  runId: string;
  /** Messages sent in all. */
  messages: number;
  /** Threads (contacts) they are spread over, in turn. */
  threads: number;
  /** Concurrent senders. */
  connections: number;
  /**
   * Offered load: when set, senders pace themselves to this rate (below what the projections
   * keep up with, the latency is the pipeline's own; above, it is mostly queueing). Default: as
   * fast as the answers come.
   */
  messagesPerSecond?: number;
}

export interface MessagesBenchResult {
  baselines: Figure[];
  comparisons: Comparison[];
}

/** The senders in a second process, so that load and service do not share one event loop. */
function generateLoad(request: MessageLoadRequest): Promise<MessageLoadResult> {
  return runForkedLoad(require.resolve('./message-load'), request);
}

async function until(what: string, done: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`bench conversation: ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether a consumer group has handled everything on `topic` so far. */
async function caughtUp(kafka: KafkaClient, groupId: string, topic: string): Promise<boolean> {
  const admin = kafka.admin();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [group] = await admin.fetchGroupOffsets(groupId, [topic]);
    return ends.every((end) => {
      const committed = group?.partitions.find((p) => p.partition === end.partition)?.offset;
      return BigInt(end.high) === 0n || BigInt(committed ?? '-1') >= BigInt(end.high);
    });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Messages through the conversation service's HTTP API (S13): accepted messages per second, and
 * the time from a message's acceptance (its 201 reaching the sender) to its thread's projection
 * counting it, beside raw kafkajs produce→consume with as many concurrent senders, in the same
 * run. The service runs in this process on a topic of its own; the senders in a child process.
 */
export async function runMessagesBenchmarks(
  options: MessagesBenchOptions,
): Promise<MessagesBenchResult> {
  const kafka = createKafka({
    clientId: `bench-conversation-${options.runId}`,
    brokers: options.kafkaBrokers.split(','),
    logLevel: 'error',
  });
  const topic = `bench-${options.runId}.conversation.events`;
  const rawTopic = `bench-${options.runId}.produce-consume`;
  const database = `bench_conversation_${options.runId}`;
  const groupPrefix = `bench-${options.runId}`;
  const admin = kafka.admin();
  await admin.ensureTopics(
    [topic, rawTopic].map((t) => ({ topic: t, partitions: 3, configs: { 'retention.ms': '-1' } })),
  );
  let service: INestApplication | undefined;
  const db = await mongoose
    .createConnection(options.mongodbUri, { dbName: database, retryWrites: false })
    .asPromise();
  try {
    const raw = await rawProduceConsumeLatency(kafka, {
      topic: rawTopic,
      groupId: `bench-produce-consume-${options.runId}`,
      records: options.messages,
      connections: options.connections,
      keys: options.threads,
    });

    service = await NestFactory.create(
      ConversationModule.forRoot(
        loadConversationConfig({
          KAFKA_BROKERS: options.kafkaBrokers,
          MONGODB_URI: options.mongodbUri,
          MONGODB_DATABASE: database,
          PROJECTION_GROUP_PREFIX: groupPrefix,
          LOG_LEVEL: 'silent',
        }),
        { eventsTopic: topic },
      ),
      { logger: false },
    );
    await service.listen(0, '127.0.0.1');
    const url = (await service.getUrl()).replace('[::1]', '127.0.0.1');
    // The S12 reaction reads identity.events from its start; let it finish before measuring.
    await until(
      'the visitor-merge reaction did not catch up with identity.events',
      () => caughtUp(kafka, `${groupPrefix}.${VISITOR_MERGE_GROUP}`, eventsTopic('identity')),
      300_000,
    );

    const applicationId = `bench-${options.runId}`;
    const contactIds = Array.from({ length: options.threads }, (_, t) =>
      contactIdOf(applicationId, { kind: 'user', userId: `bench-user-${t}` }),
    );
    const watch = watchThreadCounts(db, applicationId, 10);
    let load: MessageLoadResult;
    try {
      load = await generateLoad({
        url,
        applicationId,
        contactIds,
        messages: options.messages,
        connections: options.connections,
        runId: options.runId,
        ...(options.messagesPerSecond === undefined
          ? {}
          : { messagesPerSecond: options.messagesPerSecond }),
      });
      if (load.failed > 0) {
        throw new Error(`${load.failed} messages refused; first: ${load.firstFailure}`);
      }
      const expected = new Map<string, number>();
      for (const a of load.accepted) {
        const contact = contactIds[a.thread] as string;
        expected.set(contact, (expected.get(contact) ?? 0) + 1);
      }
      await until(
        'the threads projection did not count every message',
        () => [...expected].every(([c, n]) => (watch.firstSeen.get(c)?.length ?? 0) >= n),
        300_000,
      );
    } finally {
      await watch.stop();
    }

    const latencies: number[] = [];
    for (const [thread, contactId] of contactIds.entries()) {
      const ordered = load.accepted
        .filter((a) => a.thread === thread)
        .sort((a, b) => (a.cursor < b.cursor ? -1 : 1));
      const seen = watch.firstSeen.get(contactId) ?? [];
      // The j-th message of a thread (in its one order) is projected when the count reaches j;
      // one that was projected before its 201 reached the sender counts as 0 ms.
      ordered.forEach((a, j) => latencies.push(Math.max(0, (seen[j] as number) - a.acceptedAt)));
    }
    const elapsedMs = load.endedAt - load.startedAt;
    const offered =
      options.messagesPerSecond === undefined ? '' : `, offered ${options.messagesPerSecond}/s`;
    const label = `conversation: messages over HTTP (${options.messages} messages, ${options.threads} threads, ${options.connections} senders${offered})`;
    return {
      baselines: [raw.throughput, raw.p50, raw.p99],
      comparisons: [
        compare(
          {
            name: `${label}, accepted`,
            value: load.accepted.length / (elapsedMs / 1000),
            unit: 'messages/s',
          },
          raw.throughput,
        ),
        compare(
          {
            name: 'conversation: accept → threads projection p50',
            value: percentile(latencies, 50),
            unit: 'ms',
          },
          raw.p50,
        ),
        compare(
          {
            name: 'conversation: accept → threads projection p99',
            value: percentile(latencies, 99),
            unit: 'ms',
          },
          raw.p99,
        ),
      ],
    };
  } finally {
    await service?.close();
    await db.dropDatabase().catch(() => undefined);
    await db.close();
    await admin.deleteTopics([topic, rawTopic]).catch(() => undefined);
    await admin.disconnect();
  }
}
