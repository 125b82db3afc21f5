import { deadLetterTopic, eventsTopic, type KnownEvent } from '@threadline/contracts';
import { createKafka, type KafkaClient, type KafkaProducer } from '@threadline/kafka-client';
import {
  endpointsFromEnv,
  serviceTestEnv,
  startServiceProcess,
  uniqueName,
  type ServiceProcess,
} from '@threadline/testing';
import { join } from 'node:path';

export interface ConversationTopics {
  identity: string;
  conversation: string;
  deadLetter: string;
}

/**
 * The conversation service as production runs it (`node dist/main.js`, see `startServiceProcess`)
 * on this test file's topic namespace, so its topics hold only what this file writes.
 */
export interface ConversationProcess extends ServiceProcess {
  topics: ConversationTopics;
  kafka: KafkaClient;
  /** Sends records as they are: `value` may be any bytes, not only an event. */
  produce(topic: string, records: { key: string; value: string | Buffer }[]): Promise<void>;
  publish(topic: string, events: KnownEvent[]): Promise<void>;
}

export async function startConversationProcess(): Promise<ConversationProcess> {
  // Adopts the file's topic namespace before the topic names are read.
  serviceTestEnv('conversation');
  const topics: ConversationTopics = {
    identity: eventsTopic('identity'),
    conversation: eventsTopic('conversation'),
    deadLetter: deadLetterTopic('conversation'),
  };
  const kafka = createKafka({
    clientId: uniqueName('conversation-security'),
    brokers: endpointsFromEnv().kafkaBrokers.split(','),
    logLevel: 'error',
  });
  const admin = kafka.admin();
  try {
    await admin.ensureTopics(
      Object.values(topics).map((topic) => ({ topic, partitions: 1, configs: {} })),
    );
  } finally {
    await admin.disconnect();
  }
  const service = await startServiceProcess({
    service: 'conversation',
    packageDir: join(__dirname, '..', '..'),
    buildCommand: 'npx turbo run build --filter=@threadline/conversation...',
  });
  let producer: KafkaProducer | undefined;
  const produce = async (topic: string, records: { key: string; value: string | Buffer }[]) => {
    producer ??= kafka.producer();
    await producer.send(topic, records);
  };
  return {
    ...service,
    topics,
    kafka,
    produce,
    publish: (topic, events) =>
      produce(
        topic,
        events.map((event) => ({ key: event.streamId, value: JSON.stringify(event) })),
      ),
    async stop() {
      await service.stop();
      await producer?.disconnect();
      const cleanup = kafka.admin();
      try {
        await cleanup.deleteTopics(Object.values(topics));
      } finally {
        await cleanup.disconnect();
      }
    },
  };
}
