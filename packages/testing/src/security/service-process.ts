import mongoose, { type mongo } from 'mongoose';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { assertBuiltPackage } from '../built-package';
import { serviceTestEnv } from '../service-health.spec-helper';

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

export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
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
      return commits.flatMap((c) => c.events as StoredEvent[]);
    },
    stop,
  };
}
