import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ContactModule, loadContactConfig } from '@threadline/contact';
import { ConversationModule, loadConversationConfig } from '@threadline/conversation';
import { IdentityModule, loadIdentityConfig } from '@threadline/identity';
import mongoose from 'mongoose';

export interface BackendServices {
  identityUrl: string;
  contactUrl: string;
  conversationUrl: string;
  /** Closes the three services and drops their databases. */
  close(): Promise<void>;
}

export interface BackendOptions {
  kafkaBrokers: string;
  mongodbUri: string;
  runId: string;
  /** `TOPIC_NAMESPACE` of this run: its services share topics with nothing else. */
  topicNamespace: string;
}

async function listen(rootModule: unknown): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create(rootModule as never, { logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

/**
 * Identity, contact and conversation in this process, each with a database and consumer groups
 * of its own on a topic namespace of the run (as the e2e harness boots them): the gateway under
 * measurement calls them like production.
 */
export async function startBackendServices(options: BackendOptions): Promise<BackendServices> {
  const envOf = (service: string): NodeJS.ProcessEnv => ({
    KAFKA_BROKERS: options.kafkaBrokers,
    MONGODB_URI: options.mongodbUri,
    MONGODB_DATABASE: `bench_gw_${service}_${options.runId}`,
    PROJECTION_GROUP_PREFIX: `bench-gw-${options.runId}-${service}`,
    TOPIC_NAMESPACE: options.topicNamespace,
    LOG_LEVEL: 'silent',
  });
  const databases = ['identity', 'contact', 'conversation'].map(
    (service) => envOf(service).MONGODB_DATABASE as string,
  );
  const started: INestApplication[] = [];
  const close = async () => {
    for (const app of started.reverse()) await app.close().catch(() => undefined);
    const connection = await mongoose
      .createConnection(options.mongodbUri, { retryWrites: false })
      .asPromise();
    try {
      for (const name of databases) {
        await connection
          .useDb(name)
          .dropDatabase()
          .catch(() => undefined);
      }
    } finally {
      await connection.close();
    }
  };
  try {
    const identity = await listen(
      IdentityModule.forRoot(
        loadIdentityConfig({
          ...envOf('identity'),
          IDENTITY_MASTER_KEY: randomBytes(32).toString('hex'),
          IDENTITY_HASH_PEPPER: randomBytes(32).toString('hex'),
          IDENTITY_SESSION_KEY: `bench:${randomBytes(24).toString('hex')}`,
        }),
      ),
    );
    started.push(identity.app);
    const contact = await listen(ContactModule.forRoot(loadContactConfig(envOf('contact'))));
    started.push(contact.app);
    const conversation = await listen(
      ConversationModule.forRoot(loadConversationConfig(envOf('conversation'))),
    );
    started.push(conversation.app);
    return {
      identityUrl: identity.url,
      contactUrl: contact.url,
      conversationUrl: conversation.url,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
