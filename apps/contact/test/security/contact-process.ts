import { createKafka, type KafkaClient } from '@threadline/kafka-client';
import {
  startServiceProcess,
  testKafkaOptions,
  uniqueName,
  type ServiceProcessOnTopics,
} from '@threadline/testing';
import { join } from 'node:path';
import type { ContactTopics } from '../contact-service.harness';

/**
 * The contact service as production runs it (`node dist/main.js`, see `startServiceProcess`),
 * reading identity and conversation events from topics of its own, which the test writes to.
 */
export type ContactProcess = ServiceProcessOnTopics<KafkaClient, ContactTopics>;

export function startContactProcess(): Promise<ContactProcess> {
  const topics: ContactTopics = {
    identity: uniqueName('sec-identity.events'),
    conversation: uniqueName('sec-conversation.events'),
    contact: uniqueName('sec-contact.events'),
  };
  return startServiceProcess({
    service: 'contact',
    packageDir: join(__dirname, '..', '..'),
    buildCommand: 'npx turbo run build --filter=@threadline/contact...',
    env: {
      IDENTITY_EVENTS_TOPIC: topics.identity,
      CONVERSATION_EVENTS_TOPIC: topics.conversation,
      CONTACT_EVENTS_TOPIC: topics.contact,
    },
    topics: { kafka: createKafka(testKafkaOptions('contact-security')), names: topics },
  });
}
