import { eventsTopic } from '@threadline/contracts';
import { StoreServiceConfig, loadConfig, withDefaults } from '@threadline/service-kit';
import { z } from 'zod';

const Topic = z.string().regex(/^[A-Za-z0-9._-]{1,249}$/, 'must be a Kafka topic name');

export const ContactConfig = StoreServiceConfig.extend({
  /**
   * Where identity's and conversation's events are read from, and where this service publishes;
   * default the platform topics of `TOPIC_NAMESPACE`. Benchmarks point them at their own.
   */
  IDENTITY_EVENTS_TOPIC: Topic.optional(),
  CONVERSATION_EVENTS_TOPIC: Topic.optional(),
  CONTACT_EVENTS_TOPIC: Topic.optional(),
  /** Rows per `contacts-imported` event (S10): one commit and one projection write each. */
  CONTACT_IMPORT_BATCH_ROWS: z.coerce.number().int().min(1).max(1000).default(1000),
});
type TopicField = 'IDENTITY_EVENTS_TOPIC' | 'CONVERSATION_EVENTS_TOPIC' | 'CONTACT_EVENTS_TOPIC';
export type ContactConfig = Omit<z.infer<typeof ContactConfig>, TopicField> &
  Record<TopicField, string>;

export function loadContactConfig(env: NodeJS.ProcessEnv = process.env): ContactConfig {
  // After loadConfig, which sets the topic namespace the defaults depend on.
  const config = loadConfig(ContactConfig, withDefaults(env, { PORT: '3002' }));
  return {
    ...config,
    IDENTITY_EVENTS_TOPIC: config.IDENTITY_EVENTS_TOPIC ?? eventsTopic('identity'),
    CONVERSATION_EVENTS_TOPIC: config.CONVERSATION_EVENTS_TOPIC ?? eventsTopic('conversation'),
    CONTACT_EVENTS_TOPIC: config.CONTACT_EVENTS_TOPIC ?? eventsTopic('contact'),
  };
}
