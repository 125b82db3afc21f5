import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ComponentStatus, InfraComponent } from '../component';
import { daemonPid, killDaemon, logTail, startDaemon, stopDaemon } from '../daemon';
import { ensureDir, infraPaths } from '../paths';
import { infraPorts, loopback } from '../ports';
import { waitFor } from '../wait';
import { ginTwinsSql } from './gin-twins';

const run = promisify(execFile);

const pgRoot = '/usr/lib/postgresql';
const fix = 'apt-get update && apt-get install -y postgresql';
const superuser = 'postgres';
const database = 'ferretdb';
const dataDir = join(infraPaths.data, 'postgres');
const socketDir = join(infraPaths.run, 'postgres');

/** Debian's newest installed server binaries, e.g. /usr/lib/postgresql/15/bin. */
function findBinDir(): string | undefined {
  if (!existsSync(pgRoot)) return undefined;
  return readdirSync(pgRoot)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(pgRoot, v, 'bin'))
    .find((bin) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'postgres')));
}

function requireBinDir(): string {
  const bin = findBinDir();
  if (!bin)
    throw new Error(`PostgreSQL server binaries not found in ${pgRoot}/<version>/bin: ${fix}`);
  return bin;
}

/** PostgreSQL refuses to run as root, so root runs it as Debian's `postgres` user. */
function osUser(): string | undefined {
  return process.getuid?.() === 0 ? 'postgres' : undefined;
}

/** Runs a server binary as the OS user that owns the cluster. */
function runAsOwner(command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  const user = osUser();
  return user ? run('runuser', ['-u', user, '--', command, ...args]) : run(command, args);
}

async function chownToOwner(path: string): Promise<void> {
  const user = osUser();
  if (user) await run('chown', ['-R', `${user}:`, path]);
}

/** initdb into a scratch dir and rename, so an interrupted first start never leaves a half-made cluster. */
async function initCluster(bin: string): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  const scratch = `${dataDir}.init`;
  rmSync(scratch, { recursive: true, force: true });
  ensureDir(scratch);
  await chownToOwner(scratch);
  try {
    await runAsOwner(join(bin, 'initdb'), [
      '-D',
      scratch,
      '-U',
      superuser,
      '-E',
      'UTF8',
      '--locale=C',
      // Only loopback can reach the server (listen_addresses), so trust is the whole auth story.
      '--auth-local=trust',
      '--auth-host=trust',
    ]);
  } catch (error) {
    const e = error as Error & { stderr?: string };
    throw new Error(`initdb failed: ${e.stderr?.trim() || e.message}`);
  }
  rmSync(dataDir, { recursive: true, force: true });
  renameSync(scratch, dataDir);
}

function serverArgs(): string[] {
  const settings: Record<string, string> = {
    listen_addresses: loopback,
    port: String(infraPorts.postgres),
    // Not /var/run/postgresql: that belongs to Debian's own cluster and needs root to create.
    unix_socket_directories: socketDir,
    // Durability stays on: fault tests kill the server and expect committed data back.
    fsync: 'on',
    full_page_writes: 'on',
    // A million-row import keeps about 190 MB of random-keyed indexes (contact ids are hashes)
    // hot; with the 64 MB default and checkpoints every 1 GB of WAL it ran at 5,996 rows/s, with
    // these 6,593 (the raw insertMany beside it gains as much).
    shared_buffers: '512MB',
    max_wal_size: '4GB',
    max_connections: '200',
    // FerretDB filters as `_jsonb -> $1 @> $2`, the field name a parameter: a generic (cached) plan
    // can match no expression index, so every execution is planned with its values.
    plan_cache_mode: 'force_custom_plan',
    // The planner costs a scan by heap pages, blind to the TOAST a big document lives in: with
    // an event store's 400 commits of 300 KB it scanned (69 ms, detoasting each) instead of
    // using the GIN twin (0.5 ms). The twins exist so filters use them; a scan still runs where
    // no index applies.
    enable_seqscan: 'off',
    // FerretDB issues many tiny JSONB queries; JIT compilation only adds latency to them.
    jit: 'off',
    logging_collector: 'off',
    log_min_messages: 'warning',
  };
  return ['-D', dataDir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
}

function psql(
  bin: string,
  db: string,
  sql: string,
  timeoutMs = 5_000,
): Promise<{ stdout: string }> {
  const args = [
    '-h',
    loopback,
    '-p',
    String(infraPorts.postgres),
    '-U',
    superuser,
    '-d',
    db,
    '-X',
    '-tAc',
    sql,
  ];
  return run(join(bin, 'psql'), args, { timeout: timeoutMs });
}

async function answers(bin: string): Promise<boolean> {
  try {
    return (await psql(bin, 'postgres', 'select 1')).stdout.trim() === '1';
  } catch {
    return false;
  }
}

async function ensureDatabase(bin: string): Promise<void> {
  const found = await psql(
    bin,
    'postgres',
    `select 1 from pg_database where datname = '${database}'`,
  );
  if (found.stdout.trim() !== '1') await psql(bin, 'postgres', `create database ${database}`);
}

/**
 * Waits until the server that wrote `postmaster.pid` has left the process table. A server just
 * killed stays there as a zombie until init reaps it (about 1.5 s here), and a new one seeing its
 * pid alive refuses to start ("lock file postmaster.pid already exists").
 */
async function waitForEarlierServer(): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0) return;
  await waitFor(async () => !existsSync(`/proc/${pid}`), {
    what: `the earlier PostgreSQL server (pid ${pid}) to be gone`,
    timeoutMs: 15_000,
    intervalMs: 100,
  });
}

export const postgres: InfraComponent & {
  url: string;
  query(sql: string): Promise<string>;
  kill(): Promise<void>;
} = {
  name: 'postgres',
  url: `postgres://${superuser}@${loopback}:${infraPorts.postgres}/${database}`,

  /** One statement on FerretDB's database, as infra runs its own: rows unaligned, `|`-separated. */
  async query(sql: string): Promise<string> {
    return (await psql(requireBinDir(), database, sql)).stdout.trim();
  },

  async up() {
    const bin = requireBinDir();
    if (!daemonPid('postgres')) {
      await initCluster(bin);
      await waitForEarlierServer();
      ensureDir(socketDir);
      await chownToOwner(socketDir);
      startDaemon({
        name: 'postgres',
        command: join(bin, 'postgres'),
        args: serverArgs(),
        runAsUser: osUser(),
      });
    }
    await waitFor(() => answers(bin), {
      what: `PostgreSQL on ${loopback}:${infraPorts.postgres}`,
      timeoutMs: 60_000,
      abortIf: () =>
        daemonPid('postgres') ? undefined : `the server exited; log tail:\n${logTail('postgres')}`,
    });
    await ensureDatabase(bin);
    // Idempotent; the backfill touches only indexes still without a twin (fast on later starts).
    await psql(bin, database, ginTwinsSql, 600_000);
    return this.status();
  },

  async down() {
    const bin = findBinDir();
    if (bin && daemonPid('postgres') && existsSync(join(dataDir, 'PG_VERSION'))) {
      // Fast shutdown: SIGTERM alone is "smart" mode, which waits for every client to leave.
      await runAsOwner(join(bin, 'pg_ctl'), [
        '-D',
        dataDir,
        '-m',
        'fast',
        '-w',
        '-t',
        '30',
        'stop',
      ]).catch(() => undefined);
    }
    await stopDaemon('postgres');
  },

  /**
   * Kill -9 the server and every backend, as a crash would (fault tests); FerretDB keeps running
   * and reconnects once `up` has started the server again, which first replays its WAL.
   */
  async kill() {
    await killDaemon('postgres');
  },

  async status(): Promise<ComponentStatus> {
    const bin = findBinDir();
    const pid = daemonPid('postgres');
    if (!bin)
      return { name: 'postgres', running: false, ready: false, detail: `not installed: ${fix}` };
    return {
      name: 'postgres',
      running: pid !== undefined,
      ready: pid !== undefined && (await answers(bin)),
      pid,
      endpoint: this.url,
      detail: bin,
    };
  },
};
