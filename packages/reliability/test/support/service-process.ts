import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { fileTail } from '@threadline/infra';
import { repoRoot } from './private-infra';

export type ServiceName = 'identity' | 'contact' | 'conversation' | 'gateway';

/**
 * One service run as production runs it (`node apps/<name>/dist/main.js`), its output appended
 * to a log file. It can be killed with SIGKILL and started again on the same port; an exit the
 * test did not cause is recorded, with the end of its log (CI keeps no files), since a service
 * must survive its dependencies going away.
 */
export class ServiceProcess {
  readonly url: string;
  /** Exits nobody asked for, e.g. `conversation exited (code 1)` and its last log lines. */
  readonly crashes: string[] = [];
  private child?: ChildProcess;
  private expectingExit = false;

  constructor(
    readonly name: ServiceName,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logFile: string,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  start(): void {
    const entry = join(repoRoot, 'apps', this.name, 'dist', 'main.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: build @threadline/${this.name}`);
    const out = openSync(this.logFile, 'a');
    const child = spawn(process.execPath, ['--enable-source-maps', entry], {
      env: { ...this.env, PORT: String(this.port) },
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    this.expectingExit = false;
    this.child = child;
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      if (!this.expectingExit)
        this.crashes.push(
          `${this.name} exited (${signal ?? `code ${code}`}); its log ended:\n${fileTail(this.logFile, 12)}`,
        );
    });
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Kill -9: no shutdown hook runs, as in a crash or an OOM kill. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** A graceful stop (SIGTERM), then SIGKILL after 15 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await this.signal('SIGTERM');
    clearTimeout(killer);
  }

  /** Whether `/health` answers 200 (every dependency up). */
  async healthy(): Promise<boolean> {
    if (!this.child) return false;
    try {
      const response = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      return response.status === 200;
    } catch {
      return false;
    }
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.expectingExit = true;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }
}
