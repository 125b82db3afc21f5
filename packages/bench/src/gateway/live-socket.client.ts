import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

/** `http://host:port` → `ws://host:port/ws`. */
export function liveSocketUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, 'ws')}/ws`;
}

/**
 * Called for every frame after `ready`, with the frame's text and when it arrived (this process's
 * `performance.now()`: sub-millisecond, so fast paths do not round to 0 ms).
 */
export type FrameListener = (text: string, arrivedAt: number) => void;

/**
 * Opens one socket to `/ws`, sends the auth frame, and resolves once the gateway answers `ready`
 * (an `error` frame, a close or `timeoutMs` without it rejects). No `Origin` header: a device
 * that is not a browser page, which the token alone admits.
 */
export function openLiveSocket(
  url: string,
  token: string,
  onFrame?: FrameListener,
  timeoutMs = 30_000,
  resume = true,
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(liveSocketUrl(url), { perMessageDeflate: false });
    let ready = false;
    const fail = (reason: string) => {
      if (ready) return;
      clearTimeout(timer);
      ws.terminate();
      reject(new Error(reason));
    };
    const timer = setTimeout(() => fail(`no ready frame within ${timeoutMs} ms`), timeoutMs);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'auth', token })));
    ws.on('error', (error) => fail(error.message));
    ws.on('close', (code, reason) => fail(`closed ${code} ${reason.toString()}`));
    ws.on('message', (data) => {
      const arrivedAt = performance.now();
      const text = data.toString();
      if (ready) {
        onFrame?.(text, arrivedAt);
        return;
      }
      const frame = JSON.parse(text) as { type?: string; message?: string; role?: string };
      if (frame.type !== 'ready') return fail(`${frame.type} frame before ready: ${frame.message}`);
      // As the widget does: a widget socket's live frames wait for its first resume.
      if (resume && frame.role === 'widget') ws.send(JSON.stringify({ type: 'resume' }));
      ready = true;
      clearTimeout(timer);
      resolve(ws);
    });
  });
}

export interface OpenedSockets {
  sockets: WebSocket[];
  failed: number;
  firstFailure?: string;
}

/**
 * Opens `count` authenticated sockets, socket k with `tokens[k % tokens.length]` (one session
 * may hold many sockets), at most `concurrency` of them connecting at a time.
 */
export async function openLiveSockets(
  url: string,
  tokens: string[],
  count: number,
  concurrency: number,
  onFrame?: (socket: number) => FrameListener,
  /** Idle sockets skip it: a resume is one conversation API call each. */
  resume = true,
): Promise<OpenedSockets> {
  const sockets: WebSocket[] = [];
  let failed = 0;
  let firstFailure: string | undefined;
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      for (let k = next++; k < count; k = next++) {
        try {
          sockets.push(
            await openLiveSocket(
              url,
              tokens[k % tokens.length] as string,
              onFrame?.(k),
              undefined,
              resume,
            ),
          );
        } catch (error) {
          failed++;
          firstFailure ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  return { sockets, failed, ...(firstFailure === undefined ? {} : { firstFailure }) };
}

/** Closes every socket and waits until each has closed (or 5 s have passed). */
export async function closeAll(sockets: WebSocket[]): Promise<void> {
  await Promise.all(
    sockets.map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === WebSocket.CLOSED) return resolve();
          const timer = setTimeout(() => {
            ws.terminate();
            resolve();
          }, 5_000);
          ws.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
          ws.close(1000, 'bench done');
        }),
    ),
  );
}

/** The message id of a `message` frame; undefined for other frames. */
export function messageIdOf(text: string): string | undefined {
  const frame = JSON.parse(text) as { type?: string; message?: { messageId?: string } };
  return frame.type === 'message' ? frame.message?.messageId : undefined;
}
