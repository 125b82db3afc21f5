import { serveForkedLoad } from '../forked-load';
import { residentMemoryOf, type ResidentMemory } from './process-memory';
import { closeAll, openLiveSockets } from './live-socket.client';

export interface IdleSocketsRequest {
  url: string;
  /** The server's process, whose memory is read from /proc before and while the sockets are held. */
  serverPid: number;
  /** Session tokens, used in turn: one session may hold many sockets. */
  tokens: string[];
  sockets: number;
  holdSeconds: number;
  concurrency: number;
}

export interface IdleSocketsResult {
  opened: number;
  failed: number;
  firstFailure?: string;
  /** Still open at the end of the hold. */
  held: number;
  openSeconds: number;
  before: ResidentMemory;
  /** Read at the end of the hold, before any socket is closed. */
  holding: ResidentMemory;
}

/**
 * Runs in a child process (`fork`): opens `sockets` authenticated sockets to one server, holds
 * them idle for `holdSeconds` (the server's heartbeat pings them; `ws` answers), and reads the
 * server's resident memory before opening and at the end of the hold.
 */
async function generate(request: IdleSocketsRequest): Promise<IdleSocketsResult> {
  const before = residentMemoryOf(request.serverPid);
  const startedAt = Date.now();
  const opened = await openLiveSockets(
    request.url,
    request.tokens,
    request.sockets,
    request.concurrency,
    undefined,
    false,
  );
  const openSeconds = (Date.now() - startedAt) / 1000;
  try {
    await new Promise((resolve) => setTimeout(resolve, request.holdSeconds * 1000));
    const holding = residentMemoryOf(request.serverPid);
    const held = opened.sockets.filter((ws) => ws.readyState === ws.OPEN).length;
    return {
      opened: opened.sockets.length,
      failed: opened.failed,
      ...(opened.firstFailure === undefined ? {} : { firstFailure: opened.firstFailure }),
      held,
      openSeconds,
      before,
      holding,
    };
  } finally {
    await closeAll(opened.sockets);
  }
}

if (require.main === module) serveForkedLoad(generate);
