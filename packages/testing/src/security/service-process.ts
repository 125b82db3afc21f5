import type { KnownEvent } from '@threadline/contracts';
import mongoose, { type mongo } from 'mongoose';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { assertBuiltPackage } from '../built-package';
import { endpointsFromEnv } from '../infra-mode';
import { serviceTestEnv } from '../service-health.spec-helper';
import { storedEnvelopes } from '../stored-envelopes';
import { uniqueName } from '../unique-name';

/** An event envelope as the event store keeps it. */
export interface StoredEvent {
  type: string;
  streamId: string;
  tenantId: string;
  payload: Record<string, unknown>;
}

/**
 * A service as production runs it: `node dist/main.js` (NODE_ENV=production, the real pino logger
 * on stdout at `trace`), on a database and consumer groups of its own. Everything it writes to
 * stdout and stderr is kept for log scans; its event store (if it has one) is read directly.
 */
export interface ServiceProcess {
  name: string;
  url: string;
  /** The environment it was started with (database, groups, topic namespace, secrets). */
  env: NodeJS.ProcessEnv;
  /** Everything the process wrote to stdout and stderr so far. */
  logs(): string;
  /** The log lines at pino's `error` or `fatal` level. */
  errorLines(): string[];
  /** Null while it runs. */
  exitCode(): number | null;
  /** Commits in its event store: one per decision that wrote something (0 without a store). */
  commits(): Promise<number>;
  events(filter?: mongo.Filter<mongo.Document>): Promise<StoredEvent[]>;
  /** Its database, or undefined for a service without a store (the gateway). */
  db: mongo.Db | undefined;
  stop(): Promise<void>;
}

export interface ServiceProcessOptions {
  /** The service's name: the database and consumer groups are named after it. */
  service: string;
  /** The workspace directory holding `src` and `dist/main.js`. */
  packageDir: string;
  /** What to run when `dist` is stale, e.g. `npx turbo run build --filter=@threadline/contact...`. */
  buildCommand: string;
  /** More environment (secrets, upstream URLs, limits); overrides the defaults. */
  env?: NodeJS.ProcessEnv;
  /** Whether it has an event store to read (default true). */
  store?: boolean;
  /** How long it may take to answer `/health` with 200 (default 90 s: it may replay topics). */
  bootTimeoutMs?: number;
}

/*
 * The parts of `@threadline/kafka-client` a service's own topics need, by shape: this package does
 * not depend on it, and a service's `KafkaClient` fits.
 */
export interface TopicsKafka {
  admin(): {
    ensureTopics(
      specs: { topic: string; partitions: number; configs?: Record<string, string> }[],
    ): Promise<unknown>;
    deleteTopics(topics: string[]): Promise<void>;
    disconnect(): Promise<void>;
  };
  producer(): {
    send(topic: string, records: { key: string; value: string | Buffer }[]): Promise<unknown>;
    disconnect(): Promise<void>;
  };
}

/** Topics of the service's own, which the test writes to: only what the test sends reaches it. */
export interface ServiceTopicsOptions<K extends TopicsKafka, T extends Record<keyof T, string>> {
  kafka: K;
  /** Topic names by role: created (one partition) before the service boots, deleted at `stop`. */
  names: T;
}

/** A service process on topics of its own, with a producer to them. */
export interface ServiceProcessOnTopics<
  K extends TopicsKafka,
  T extends Record<keyof T, string>,
> extends ServiceProcess {
  topics: T;
  kafka: K;
  /** Sends records as they are: `value` may be any bytes, not only an event. */
  produce(topic: string, records: { key: string; value: string | Buffer }[]): Promise<void>;
  publish(topic: string, events: KnownEvent[]): Promise<void>;
}

/** Options of a test's Kafka client (`createKafka`): the harness's brokers, a unique client id. */
export function testKafkaOptions(clientId: string) {
  return {
    clientId: uniqueName(clientId),
    brokers: endpointsFromEnv().kafkaBrokers.split(','),
    logLevel: 'error' as const,
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const ERROR_LINE = /^\{"level":(50|60)/;

export async function startServiceProcess<K extends TopicsKafka, T extends Record<keyof T, string>>(
  options: ServiceProcessOptions & { topics: ServiceTopicsOptions<K, T> },
): Promise<ServiceProcessOnTopics<K, T>>;
export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess>;
export async function startServiceProcess(
  options: ServiceProcessOptions & {
    topics?: ServiceTopicsOptions<TopicsKafka, Record<string, string>>;
  },
): Promise<ServiceProcess> {
  if (!options.topics) return startProcess(options);
  const { kafka, names } = options.topics;
  const admin = kafka.admin();
  try {
    await admin.ensureTopics(
      Object.values(names).map((topic) => ({ topic, partitions: 1, configs: {} })),
    );
  } finally {
    await admin.disconnect();
  }
  const deleteTopics = async () => {
    const cleanup = kafka.admin();
    try {
      await cleanup.deleteTopics(Object.values(names));
    } finally {
      await cleanup.disconnect();
    }
  };
  const service = await startProcess(options).catch(async (error: unknown) => {
    await deleteTopics();
    throw error;
  });
  let producer: ReturnType<TopicsKafka['producer']> | undefined;
  const produce = async (topic: string, records: { key: string; value: string | Buffer }[]) => {
    producer ??= kafka.producer();
    await producer.send(topic, records);
  };
  const onTopics: ServiceProcessOnTopics<TopicsKafka, Record<string, string>> = {
    ...service,
    topics: names,
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
      await deleteTopics();
    },
  };
  return onTopics;
}

async function startProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const serviceKitDir = join(options.packageDir, '..', '..', 'packages', 'service-kit');
  assertBuiltPackage(serviceKitDir, options.buildCommand);
  assertBuiltPackage(options.packageDir, options.buildCommand);
  const base = serviceTestEnv(options.service);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ...base,
    NODE_ENV: 'production',
    // The most verbose level: a scan must see everything the service could ever log.
    LOG_LEVEL: 'trace',
    HOST: '127.0.0.1',
    PORT: String(port),
    ...options.env,
  };
  const child: ChildProcess = spawn(
    process.execPath,
    [join(options.packageDir, 'dist', 'main.js')],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const chunks: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  const connection =
    options.store === false
      ? undefined
      : await mongoose
          .createConnection(env.MONGODB_URI as string, {
            dbName: env.MONGODB_DATABASE as string,
            retryWrites: false,
          })
          .asPromise();
  const db = connection?.db as mongo.Db | undefined;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    }
    await connection?.dropDatabase().catch(() => undefined);
    await connection?.close();
  };

  const deadline = Date.now() + (options.bootTimeoutMs ?? 90_000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(
        `${options.service} exited with ${child.exitCode} at boot:\n${chunks.join('')}`,
      );
    }
    const health = await fetch(`${url}/health`).catch(() => undefined);
    if (health?.status === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${options.service} was not healthy in time:\n${chunks.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  const logs = () => chunks.join('');
  return {
    name: options.service,
    url,
    env,
    db,
    logs,
    errorLines: () =>
      logs()
        .split('\n')
        .filter((line) => ERROR_LINE.test(line)),
    exitCode: () => child.exitCode,
    commits: async () => (db ? db.collection('commits').countDocuments() : 0),
    async events(filter = {}) {
      if (!db) return [];
      const commits = await db.collection('commits').find(filter).toArray();
      // FerretDB keeps no natural order: each stream in version order.
      commits.sort(
        (a, b) => String(a.streamId).localeCompare(String(b.streamId)) || a.version - b.version,
      );
      return commits.flatMap((c) => storedEnvelopes<StoredEvent>(c));
    },
    stop,
  };
}
