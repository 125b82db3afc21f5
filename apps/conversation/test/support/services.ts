import { eventsTopic } from '@threadline/contracts';
import { IdentityModule, loadIdentityConfig } from '@threadline/identity';
import { createKafka, type KafkaClient } from '@threadline/kafka-client';
import { KAFKA_CLIENT } from '@threadline/service-kit';
import {
  endpointsFromEnv,
  serviceTestEnv,
  startNestApp,
  uniqueName,
  type RunningApp,
} from '@threadline/testing';
import { randomInt } from 'node:crypto';
import { projectionGroupId } from '@threadline/eventing';
import { ConversationModule } from '../../src/conversation.module';
import { threadMessagesProjection, threadsProjection } from '../../src/projections';
import { loadConversationConfig } from '../../src/infrastructure/config/conversation.config';
import { VISITOR_MERGE_GROUP } from '../../src/interface/kafka/visitor-login.consumer';
import { httpClient, waitFor } from './http';

export interface Conversation {
  running: RunningApp;
  /** This instance's own `conversation.events`: shared topics keep every test's events forever. */
  topic: string;
  close(): Promise<void>;
  api: ReturnType<typeof httpClient>;
  /** The consumer group of this instance's S12 reaction to `identity.events`. */
  mergeGroup: string;
  /** The consumer groups of this instance's thread projections. */
  projectionGroups: string[];
}

/**
 * The real conversation service on a topic of its own, so its projections start from this test's
 * events instead of every event all earlier runs left on `conversation.events`.
 */
export async function startConversation(): Promise<Conversation> {
  const env = serviceTestEnv('conversation');
  const topic = `${uniqueName('conversation-test')}.conversation.events`;
  const kafka = createKafka({
    clientId: uniqueName('conversation-test'),
    brokers: endpointsFromEnv().kafkaBrokers.split(','),
    logLevel: 'error',
  });
  const admin = kafka.admin();
  try {
    await admin.ensureTopics([{ topic, partitions: 3, configs: { 'retention.ms': '-1' } }]);
  } finally {
    await admin.disconnect();
  }
  const running = await startNestApp(
    ConversationModule.forRoot(loadConversationConfig(env), { eventsTopic: topic }),
  );
  return {
    running,
    topic,
    async close() {
      await running.close();
      const cleanup = kafka.admin();
      await cleanup.deleteTopics([topic]).catch(() => undefined);
      await cleanup.disconnect();
    },
    api: httpClient(running.url),
    mergeGroup: `${env.PROJECTION_GROUP_PREFIX}.${VISITOR_MERGE_GROUP}`,
    projectionGroups: [threadsProjection(), threadMessagesProjection()].map(
      (p) => `${env.PROJECTION_GROUP_PREFIX}.${projectionGroupId('conversation', p)}`,
    ),
  };
}

export interface Identity {
  running: RunningApp;
  applicationId: string;
  /** A widget init of the test's application (S1–S7), as the gateway sends it. */
  init(
    user?: Record<string, unknown>,
    deviceToken?: string,
  ): ReturnType<ReturnType<typeof httpClient>['post']>;
}

/** The real identity service with an organization and an application of this test only. */
export async function startIdentity(): Promise<Identity> {
  const running = await startNestApp(
    IdentityModule.forRoot(
      loadIdentityConfig({
        ...serviceTestEnv('identity'),
        IDENTITY_MASTER_KEY: 'cd'.repeat(32),
        IDENTITY_HASH_PEPPER: 'conversation-test-pepper-of-32-bytes!',
      }),
    ),
  );
  const api = httpClient(running.url);
  const domain = `conv-${Date.now().toString(36)}-${randomInt(1e6)}.example`;
  const org = await api.post('/internal/organizations', { domain, name: 'Conversation Co' });
  const created = await api.post('/internal/applications', {
    domain,
    name: 'Site',
    allowedOrigins: ['https://site.example'],
  });
  if (org.status !== 201 || created.status !== 201) {
    throw new Error(`tenant not created: ${org.text} ${created.text}`);
  }
  const { applicationId, applicationSecret } = created.body as {
    applicationId: string;
    applicationSecret: string;
  };
  const init = (user?: Record<string, unknown>, deviceToken?: string) =>
    api.post('/internal/widget/auth', {
      organizationDomain: domain,
      applicationId,
      applicationSecret,
      user,
      ...(deviceToken === undefined ? {} : { deviceToken }),
    });
  // The application is known to widget auth once its projection has it.
  await waitFor(
    () => init(),
    (answer) => answer.status === 200,
  );
  return { running, applicationId, init };
}

/** Waits until a consumer group has handled everything written to `topic` so far. */
export async function caughtUp(kafka: KafkaClient, groupId: string, topic: string): Promise<void> {
  const admin = kafka.admin();
  try {
    const end = new Map(
      (await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, BigInt(p.high)]),
    );
    await waitFor(
      async () => (await admin.fetchGroupOffsets(groupId, [topic]))[0]?.partitions ?? [],
      (partitions) =>
        [...end].every(([partition, high]) => {
          const committed = partitions.find((p) => p.partition === partition)?.offset ?? '-1';
          return high === 0n || BigInt(committed) >= high;
        }),
      120_000,
    );
  } finally {
    await admin.disconnect();
  }
}

/** Waits until the merge reaction has handled every identity event so far, and the thread
 * projections every conversation event so far (the merge's included). */
export async function settled(conversation: Conversation): Promise<void> {
  const kafka = kafkaOf(conversation.running);
  await caughtUp(kafka, conversation.mergeGroup, eventsTopic('identity'));
  for (const group of conversation.projectionGroups) {
    await caughtUp(kafka, group, conversation.topic);
  }
}

export const kafkaOf = (running: RunningApp) => running.app.get<KafkaClient>(KAFKA_CLIENT);
