import { assertBuiltPackage, serviceTestEnv } from '@threadline/testing';
import mongoose, { type mongo } from 'mongoose';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';

const identityDir = join(__dirname, '..', '..');
const serviceKitDir = join(identityDir, '..', '..', 'packages', 'service-kit');
const buildCommand = 'npx turbo run build --filter=@threadline/identity...';

/** The secrets the process is configured with: tests sign with them and scan logs for them. */
export interface IdentitySecrets {
  masterKey: string;
  pepper: string;
  /** `IDENTITY_SESSION_KEY` entries, signing key first. */
  sessionKeys: { id: string; secret: string }[];
}

export function freshSecrets(): IdentitySecrets {
  const secret = () => randomBytes(24).toString('base64url');
  return {
    masterKey: randomBytes(32).toString('hex'),
    pepper: `pepper-${secret()}`,
    sessionKeys: [
      { id: 'k2', secret: `session-${secret()}` },
      { id: 'k1', secret: `session-${secret()}` },
    ],
  };
}

/** An event envelope as the event store keeps it. */
export interface StoredEvent {
  type: string;
  streamId: string;
  tenantId: string;
  payload: Record<string, unknown>;
}

/**
 * The identity service as production runs it: `node dist/main.js` (createServiceApp, the real
 * pino logger on stdout, NODE_ENV=production), on its own database and consumer groups. Everything
 * it writes to stdout and stderr is kept for the log scan; its event store is read directly.
 */
export interface IdentityProcess {
  url: string;
  secrets: IdentitySecrets;
  /** Everything the process wrote to stdout and stderr so far. */
  logs(): string;
  /** Null while it runs. */
  exitCode(): number | null;
  /** Commits in its event store: one per decision that wrote something. */
  commits(): Promise<number>;
  events(filter?: mongo.Filter<mongo.Document>): Promise<StoredEvent[]>;
  db: mongo.Db;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startIdentityProcess(
  secrets: IdentitySecrets = freshSecrets(),
): Promise<IdentityProcess> {
  assertBuiltPackage(serviceKitDir, buildCommand);
  assertBuiltPackage(identityDir, buildCommand);
  const base = serviceTestEnv('identity');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ...base,
    NODE_ENV: 'production',
    // The most verbose level: the scan must see everything the service could ever log.
    LOG_LEVEL: 'trace',
    HOST: '127.0.0.1',
    PORT: String(port),
    IDENTITY_MASTER_KEY: secrets.masterKey,
    IDENTITY_HASH_PEPPER: secrets.pepper,
    IDENTITY_SESSION_KEY: secrets.sessionKeys.map((k) => `${k.id}:${k.secret}`).join(','),
  };
  const child: ChildProcess = spawn(process.execPath, [join(identityDir, 'dist', 'main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;

  const connection = await mongoose
    .createConnection(base.MONGODB_URI as string, {
      dbName: base.MONGODB_DATABASE as string,
      retryWrites: false,
    })
    .asPromise();
  const db = connection.db as mongo.Db;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    }
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`identity exited with ${child.exitCode} at boot:\n${chunks.join('')}`);
    }
    const health = await fetch(`${url}/health`).catch(() => undefined);
    if (health?.status === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`identity was not healthy within 60 s:\n${chunks.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    url,
    secrets,
    db,
    logs: () => chunks.join(''),
    exitCode: () => child.exitCode,
    commits: () => db.collection('commits').countDocuments(),
    async events(filter = {}) {
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
