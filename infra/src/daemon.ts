import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileTail } from './file-tail';
import { ensureDir, infraPaths } from './paths';
import { descendantsOf, processParents, processStat } from './process-tree';
import { sleep } from './wait';

/**
 * A long-running background process owned by infra: detached from the terminal that started it,
 * its output appended to `.infra/logs/<name>.log`, its pid in `.infra/run/<name>.pid`.
 */
export interface DaemonSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Run as this system user (root cannot run PostgreSQL); uses runuser. */
  runAsUser?: string;
}

export function logFile(name: string): string {
  return join(ensureDir(infraPaths.logs), `${name}.log`);
}

function pidFile(name: string): string {
  return join(ensureDir(infraPaths.run), `${name}.pid`);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * An exited daemon answers signal 0 until its new parent, init, reaps it; this machine's init
 * reaps late (about 1.5 s), and one that never reaps would make stopDaemon wait forever.
 */
function isZombie(pid: number): boolean {
  return processStat(pid)?.state === 'Z';
}

/** The pid of the daemon if it is running; a stale pid file is removed. */
export function daemonPid(name: string): number | undefined {
  const file = pidFile(name);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return pid;
  rmSync(file, { force: true });
  return undefined;
}

export function startDaemon(spec: DaemonSpec): number {
  const running = daemonPid(spec.name);
  if (running) return running;
  const out = openSync(logFile(spec.name), 'a');
  const [command, args] = spec.runAsUser
    ? ['runuser', ['-u', spec.runAsUser, '--', spec.command, ...spec.args]]
    : [spec.command, spec.args];
  const child = spawn(command, args, {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    detached: true,
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  if (child.pid === undefined) throw new Error(`could not start ${spec.name} (${spec.command})`);
  child.unref();
  writeFileSync(pidFile(spec.name), String(child.pid));
  return child.pid;
}

/** SIGTERM, then SIGKILL after the grace period; resolves once the process group is gone. */
export async function stopDaemon(name: string, graceMs = 15_000): Promise<boolean> {
  const pid = daemonPid(name);
  if (!pid) return false;
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) signalGroup(pid, 'SIGKILL');
  while (isAlive(pid)) await sleep(50);
  rmSync(pidFile(name), { force: true });
  return true;
}

/**
 * Kill -9 without grace, as a crash would; for fault-injection tests. The whole tree goes, not
 * just the group: PostgreSQL's backends lead groups of their own, and a backend left running
 * holds the shared memory that a new server then refuses to start beside.
 */
export async function killDaemon(name: string): Promise<boolean> {
  const pid = daemonPid(name);
  if (!pid) return false;
  // Read before the kill: once their parent is gone, orphans belong to init.
  const tree = [pid, ...descendantsOf(pid, processParents())];
  for (const member of tree) signalGroup(member, 'SIGKILL');
  while (tree.some(isAlive)) await sleep(50);
  rmSync(pidFile(name), { force: true });
  return true;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  // Detached children lead their own process group; signalling the group reaches runuser's child too.
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** The last lines of a daemon's log, to quote when it fails to start. */
export function logTail(name: string, lines = 30): string {
  return fileTail(logFile(name), lines);
}
