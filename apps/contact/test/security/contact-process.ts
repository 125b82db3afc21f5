import type { KnownEvent } from '@threadline/contracts';
import { createKafka, type KafkaClient, type KafkaProducer } from '@threadline/kafka-client';
import {
  endpointsFromEnv,
  startServiceProcess,
  uniqueName,
  type ServiceProcess,
} from '@threadline/testing';
import { join } from 'node:path';
import type { ContactTopics } from '../contact-service.harness';

/**
 * The contact service as production runs it (`node dist/main.js`, see `startServiceProcess`),
 * reading identity and conversation events from topics of its own, which the test writes to.
 */
export interface ContactProcess extends ServiceProcess {
  topics: ContactTopics;
  kafka: KafkaClient;
  /** Sends records as they are: `value` may be any bytes, not only an event. */
  produce(topic: string, records: { key: string; value: string | Buffer }[]): Promise<void>;
  publish(topic: string, events: KnownEvent[]): Promise<void>;
}

export async function startContactProcess(): Promise<ContactProcess> {
  const kafka = createKafka({
    clientId: uniqueName('contact-security'),
    brokers: endpointsFromEnv().kafkaBrokers.split(','),
    logLevel: 'error',
  });
  const topics: ContactTopics = {
    identity: uniqueName('sec-identity.events'),
    conversation: uniqueName('sec-conversation.events'),
    contact: uniqueName('sec-contact.events'),
  };
  const admin = kafka.admin();
  try {
    await admin.ensureTopics(
      Object.values(topics).map((topic) => ({ topic, partitions: 1, configs: {} })),
    );
  } finally {
    await admin.disconnect();
  }
  const service = await startServiceProcess({
    service: 'contact',
    packageDir: join(__dirname, '..', '..'),
    buildCommand: 'npx turbo run build --filter=@threadline/contact...',
    env: {
      IDENTITY_EVENTS_TOPIC: topics.identity,
      CONVERSATION_EVENTS_TOPIC: topics.conversation,
      CONTACT_EVENTS_TOPIC: topics.contact,
    },
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
