import { randomBytes } from 'node:crypto';
import {
  contactIdOf,
  threadStreamId,
  type KnownEvent,
  type UserProfile,
} from '@threadline/contracts';
import { createKafka, type KafkaClient, type KafkaProducer } from '@threadline/kafka-client';
import {
  serviceTestEnv,
  startNestApp,
  uniqueName,
  endpointsFromEnv,
  type RunningApp,
} from '@threadline/testing';
import { v7 as uuidv7 } from 'uuid';
import { ContactModule } from '../src/contact.module';
import { loadContactConfig } from '../src/infrastructure/config/contact.config';

/** An HTTP answer's JSON: tests check it with `expect`, not with types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ContactTopics {
  identity: string;
  conversation: string;
  contact: string;
}

/**
 * A contact service on the real broker and store, reading identity and conversation events from
 * topics of its own (so other tests' and old events never reach it) and publishing to its own.
 */
export interface ContactServiceUnderTest {
  url: string;
  app: RunningApp;
  env: NodeJS.ProcessEnv;
  topics: ContactTopics;
  kafka: KafkaClient;
  publish(topic: string, events: KnownEvent[]): Promise<void>;
  /** Stops the service; the topics stay until `dispose`. */
  stop(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startContactService(
  overrides: Partial<{ env: NodeJS.ProcessEnv; topics: ContactTopics }> = {},
): Promise<ContactServiceUnderTest> {
  const { kafkaBrokers } = endpointsFromEnv();
  const kafka = createKafka({
    clientId: uniqueName('contact-test'),
    brokers: kafkaBrokers.split(','),
    logLevel: 'error',
  });
  const topics = overrides.topics ?? {
    identity: uniqueName('test-identity.events'),
    conversation: uniqueName('test-conversation.events'),
    contact: uniqueName('test-contact.events'),
  };
  const admin = kafka.admin();
  try {
    await admin.ensureTopics(
      Object.values(topics).map((topic) => ({
        topic,
        partitions: 3,
        configs: { 'retention.ms': '-1' },
      })),
    );
  } finally {
    await admin.disconnect();
  }
  const env = overrides.env ?? {
    ...serviceTestEnv('contact'),
    IDENTITY_EVENTS_TOPIC: topics.identity,
    CONVERSATION_EVENTS_TOPIC: topics.conversation,
    CONTACT_EVENTS_TOPIC: topics.contact,
    ...(process.env.CONTACT_TEST_LOG_LEVEL && { LOG_LEVEL: process.env.CONTACT_TEST_LOG_LEVEL }),
  };
  const app = await startNestApp(ContactModule.forRoot(loadContactConfig(env)));
  let producer: KafkaProducer | undefined;
  return {
    url: app.url,
    app,
    env,
    topics,
    kafka,
    async publish(topic, events) {
      producer ??= kafka.producer();
      await producer.send(
        topic,
        events.map((event) => ({ key: event.streamId, value: JSON.stringify(event) })),
      );
    },
    stop: () => app.close(),
    async dispose() {
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

/** Polls until `probe` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function getJson(url: string): Promise<{ status: number; body: Json }> {
  const response = await fetch(url);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

export async function sendJson(
  method: string,
  url: string,
  body: unknown,
): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Identity and conversation events as those services publish them, for one application. */
export function eventsOf(applicationId: string) {
  const envelope = (streamId: string, streamVersion: number, occurredAt: string) => ({
    eventId: uuidv7(),
    version: 1 as const,
    occurredAt,
    tenantId: applicationId,
    streamId,
    streamVersion,
    correlationId: `corr-${randomBytes(4).toString('hex')}`,
    causationId: `cause-${randomBytes(4).toString('hex')}`,
  });
  return {
    userContactId: (userId: string) => contactIdOf(applicationId, { kind: 'user', userId }),
    visitorContactId: (visitorId: string) =>
      contactIdOf(applicationId, { kind: 'visitor', visitorId }),
    userAuthenticated(
      userId: string,
      options: {
        profile?: UserProfile;
        generatedName?: string;
        previousVisitorId?: string;
        streamVersion?: number;
        at?: string;
      } = {},
    ): KnownEvent {
      return {
        ...envelope(
          `user-${applicationId}-${userId}`,
          options.streamVersion ?? 1,
          options.at ?? new Date().toISOString(),
        ),
        type: 'identity.user-authenticated',
        payload: {
          userId,
          deviceId: 'dev_1',
          sessionId: `s-${randomBytes(4).toString('hex')}`,
          profile: options.profile ?? {},
          ...(options.generatedName !== undefined && { generatedName: options.generatedName }),
          ...(options.previousVisitorId !== undefined && {
            previousVisitorId: options.previousVisitorId,
          }),
        },
      };
    },
    visitorStarted(
      visitorId: string,
      generatedName: string,
      at = new Date().toISOString(),
    ): KnownEvent {
      return {
        ...envelope(`visitor-${applicationId}-${visitorId}`, 1, at),
        type: 'identity.visitor-started',
        payload: { visitorId, deviceId: `dev_${visitorId}`, generatedName, prefill: {} },
      };
    },
    messageSent(
      contactId: string,
      author: 'user' | 'agent',
      streamVersion: number,
      at = new Date().toISOString(),
    ): KnownEvent {
      return {
        ...envelope(threadStreamId(contactId), streamVersion, at),
        type: 'conversation.message-sent',
        payload: {
          clientMessageId: `m-${randomBytes(6).toString('hex')}`,
          author:
            author === 'user'
              ? { kind: 'user', contactId, deviceId: 'dev_1' }
              : { kind: 'agent', agentId: 'agent-1' },
          text: 'Hello',
        },
      };
    },
  };
}
