import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { startServiceChild, type ServiceChild } from './service-child';

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

/**
 * Identity, contact and conversation, each in a process of its own as `npm start` runs them, with a
 * database and consumer groups of its own on a topic namespace of the run: the gateway under
 * measurement calls them like production, and no service's event loop waits on another's.
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
  const started: ServiceChild[] = [];
  const close = async () => {
    for (const child of started.reverse()) await child.stop().catch(() => undefined);
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
  const start = async (service: string, env: NodeJS.ProcessEnv = {}) => {
    const child = await startServiceChild(require.resolve('./backend-service.child'), {
      ...envOf(service),
      ...env,
      BENCH_SERVICE: service,
    });
    started.push(child);
    return child.url;
  };
  try {
    const identityUrl = await start('identity', {
      IDENTITY_MASTER_KEY: randomBytes(32).toString('hex'),
      IDENTITY_HASH_PEPPER: randomBytes(32).toString('hex'),
      IDENTITY_SESSION_KEY: `bench:${randomBytes(24).toString('hex')}`,
    });
    const [contactUrl, conversationUrl] = await Promise.all([
      start('contact'),
      start('conversation'),
    ]);
    return { identityUrl, contactUrl, conversationUrl, close };
  } catch (error) {
    await close();
    throw error;
  }
}
