import { fork } from 'node:child_process';

interface LoadAnswer<R> {
  ok: boolean;
  result?: R;
  error?: string;
}

/**
 * Runs a load generator module in a second process, so that load and the measured service do not
 * share one event loop: sends it `request`, resolves with the result it sends back.
 */
export function runForkedLoad<Q extends object, R>(modulePath: string, request: Q): Promise<R> {
  return new Promise((resolve, reject) => {
    const child = fork(modulePath, [], { stdio: 'inherit' });
    child.once('message', (message: LoadAnswer<R>) => {
      if (message.ok && message.result) resolve(message.result);
      else reject(new Error(`load generator failed: ${message.error ?? 'no result'}`));
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load generator exited with ${code}`));
    });
    child.send(request);
  });
}

/** The child's side of `runForkedLoad`: answers the first request, then exits. */
export function serveForkedLoad<Q, R>(generate: (request: Q) => Promise<R>): void {
  process.once('message', (request: Q) => {
    generate(request).then(
      (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
      (error: unknown) =>
        process.send?.(
          { ok: false, error: error instanceof Error ? error.message : String(error) },
          () => process.exit(1),
        ),
    );
  });
}
