import { deadLetterTopic, eventsTopic } from '@threadline/contracts';
import { createKafka, type KafkaClient } from '@threadline/kafka-client';
import {
  serviceTestEnv,
  startServiceProcess,
  testKafkaOptions,
  type ServiceProcessOnTopics,
} from '@threadline/testing';
import { join } from 'node:path';

/**
 * The conversation service as production runs it (`node dist/main.js`, see `startServiceProcess`)
 * on this test file's topic namespace, so its topics hold only what this file writes.
 */
export type ConversationProcess = ServiceProcessOnTopics<
  KafkaClient,
  { identity: string; conversation: string; deadLetter: string }
>;

export function startConversationProcess(): Promise<ConversationProcess> {
  // Adopts the file's topic namespace before the topic names are read.
  serviceTestEnv('conversation');
  return startServiceProcess({
    service: 'conversation',
    packageDir: join(__dirname, '..', '..'),
    buildCommand: 'npx turbo run build --filter=@threadline/conversation...',
    topics: {
      kafka: createKafka(testKafkaOptions('conversation-security')),
      names: {
        identity: eventsTopic('identity'),
        conversation: eventsTopic('conversation'),
        deadLetter: deadLetterTopic('conversation'),
      },
    },
  });
}
