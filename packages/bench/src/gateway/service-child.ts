import { fork, type ChildProcess } from 'node:child_process';

/** A server running in a child process of its own, so its memory is its own. */
export interface ServiceChild {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Forks `modulePath` with `env` added and waits for it to send `{ url }`; `stop()` asks it to
 * close (`'stop'`) and waits for it to exit, killing it if it has not within 15 s.
 */
export function startServiceChild(
  modulePath: string,
  env: NodeJS.ProcessEnv,
): Promise<ServiceChild> {
  return new Promise((resolve, reject) => {
    const child = fork(modulePath, [], { env: { ...process.env, ...env }, stdio: 'inherit' });
    const failedToStart = (code: number | null) =>
      reject(new Error(`${modulePath} exited with ${code} before it listened`));
    child.once('error', reject);
    child.once('exit', failedToStart);
    child.once('message', (message: { url?: string }) => {
      child.off('exit', failedToStart);
      if (!message.url || child.pid === undefined) {
        child.kill();
        reject(new Error(`${modulePath} answered without a URL`));
        return;
      }
      resolve({ url: message.url, pid: child.pid, stop: () => stopChild(child) });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.send('stop');
  });
}

/** The child's side: tells the parent its URL, closes on `'stop'`, then exits. */
export function serveAsChild(start: () => Promise<{ url: string; close(): Promise<void> }>): void {
  start().then(
    (server) => {
      process.on('message', (message) => {
        if (message !== 'stop') return;
        void server.close().finally(() => process.exit(0));
      });
      process.send?.({ url: server.url });
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
