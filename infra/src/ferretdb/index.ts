import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import type { ComponentStatus, InfraComponent } from '../component';
import { daemonPid, killDaemon, logFile, logTail, startDaemon, stopDaemon } from '../daemon';
import { ensureDir, infraPaths } from '../paths';
import { infraPorts, loopback } from '../ports';
import { postgres } from '../postgres';
import { go, requirePrerequisites } from '../prerequisites';
import { isPortOpen, waitFor } from '../wait';

export type FerretStore = 'sqlite' | 'postgresql';

const version = '1.24.2';
const buildDir = join(infraPaths.cache, `ferretdb-${version}`);
const binary = join(buildDir, 'ferretdb-embedded');
const hashFile = `${binary}.sha256`;
/** Which backend the running daemon serves, so a request for the other one restarts it. */
const storeFile = join(infraPaths.run, 'ferretdb.store');
const sqliteDir = join(infraPaths.data, 'ferretdb-sqlite');
const uri = `mongodb://${loopback}:${infraPorts.ferretdb}/`;

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of ['main.go', 'go.mod', 'go.sum'])
    hash.update(readFileSync(join(infraPaths.ferretdbProject, file)));
  return hash.digest('hex');
}

/** Builds the embedding program once per source change: a cold build takes minutes on 2 cores. */
async function build(): Promise<void> {
  const hash = sourceHash();
  if (existsSync(binary) && existsSync(hashFile) && readFileSync(hashFile, 'utf8').trim() === hash)
    return;
  requirePrerequisites([go]);
  ensureDir(buildDir);
  const tmp = `${binary}.tmp`;
  const log = logFile('ferretdb-build');
  // Async on purpose: a blocked event loop would stop proper-lockfile refreshing the infra lock.
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('go', ['build', '-trimpath', '-buildvcs=false', '-o', tmp, '.'], {
      cwd: infraPaths.ferretdbProject,
      env: { ...process.env, GOFLAGS: '-mod=mod' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      writeFileSync(log, output);
      resolve(status);
    });
  });
  if (code !== 0)
    throw new Error(
      `building FerretDB failed (go build, exit ${code}); see ${log}:\n${logTail('ferretdb-build')}`,
    );
  renameSync(tmp, binary);
  writeFileSync(hashFile, hash);
}

async function answersPing(): Promise<boolean> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1_000, connectTimeoutMS: 1_000 });
  try {
    await client.connect();
    const reply = await client.db('admin').command({ ping: 1 });
    return reply.ok === 1;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}

function runningStore(): FerretStore | undefined {
  if (!daemonPid('ferretdb') || !existsSync(storeFile)) return undefined;
  const store = readFileSync(storeFile, 'utf8').trim();
  return store === 'sqlite' || store === 'postgresql' ? store : undefined;
}

function backendArgs(store: FerretStore): string[] {
  if (store === 'postgresql') return ['-backend', 'postgresql', '-postgresql-url', postgres.url];
  // FerretDB's SQLite URI names a directory (one file per database); the trailing slash is required.
  return ['-backend', 'sqlite', '-sqlite-url', `file:${ensureDir(sqliteDir)}/`];
}

export function ferretdb(
  store: FerretStore,
): InfraComponent & { uri: string; kill(): Promise<void> } {
  return {
    name: 'ferretdb',
    uri,

    async up() {
      if (daemonPid('ferretdb') && runningStore() !== store) await stopDaemon('ferretdb');
      if (store === 'postgresql') await postgres.up();
      if (!daemonPid('ferretdb')) {
        await build();
        if (await isPortOpen(loopback, infraPorts.ferretdb)) {
          throw new Error(
            `port ${infraPorts.ferretdb} is taken by a process infra did not start (a mongod?); stop it or set INFRA_FERRETDB_PORT`,
          );
        }
        startDaemon({
          name: 'ferretdb',
          command: binary,
          args: [
            '-listen-addr',
            `${loopback}:${infraPorts.ferretdb}`,
            '-log-level',
            process.env.INFRA_FERRETDB_LOG_LEVEL ?? 'warn',
            ...backendArgs(store),
          ],
        });
        writeFileSync(storeFile, store);
      }
      await waitFor(answersPing, {
        what: `FerretDB (${store}) on ${uri}`,
        timeoutMs: 30_000,
        abortIf: () =>
          daemonPid('ferretdb') ? undefined : `FerretDB exited; log tail:\n${logTail('ferretdb')}`,
      });
      return this.status();
    },

    async down() {
      await stopDaemon('ferretdb');
      rmSync(storeFile, { force: true });
      if (store === 'postgresql') await postgres.down();
    },
    /** Kill -9, as a crash would (fault tests); the backend keeps running, `up` starts it again. */
    async kill() {
      await killDaemon('ferretdb');
    },

    async status(): Promise<ComponentStatus> {
      const pid = daemonPid('ferretdb');
      const serving = runningStore();
      const backend = serving === 'postgresql' ? await postgres.status() : undefined;
      const detail = [
        serving && `backend ${serving}${serving === store ? '' : ` (not the ${store} asked for)`}`,
        backend &&
          `postgres ${backend.ready ? 'ready' : backend.running ? 'not answering' : 'stopped'}`,
      ]
        .filter(Boolean)
        .join(', ');
      return {
        name: 'ferretdb',
        running: pid !== undefined,
        ready: pid !== undefined && (await answersPing()),
        pid,
        endpoint: uri,
        detail: detail || undefined,
      };
    },
  };
}
