import { performance } from 'node:perf_hooks';
import { serveForkedLoad } from '../forked-load';
import { closeAll, messageIdOf, openLiveSockets } from './live-socket.client';

export interface FanOutRequest {
  url: string;
  /** Where one message is sent: a POST with this bearer token (none for the raw server). */
  sendPath: string;
  senderToken?: string;
  /** Tokens of the receiving sockets, used in turn; all must receive every message. */
  receiverTokens: string[];
  sockets: number;
  rounds: number;
  /** Rounds sent first and not timed: the first messages pay for warming up both ends. */
  warmUpRounds: number;
  concurrency: number;
  /** A round that has not reached every socket by then fails the benchmark. */
  roundTimeoutMs: number;
  runId: string;
}

export interface FanOutResult {
  opened: number;
  failed: number;
  firstFailure?: string;
  /** Per round: from the send (the POST leaving this process) to the last socket's receipt, ms. */
  lastReceipt: number[];
}

interface Round {
  messageId: string;
  remaining: number;
  lastAt: number;
  done: () => void;
}

/**
 * Runs in a child process (`fork`): `sockets` open sockets, then `rounds` messages one after
 * another, each timed from its send (the POST leaving this process) to the moment the last socket
 * has it. Timed from the send, not the answer: a server may push to the sockets before it answers
 * the sender (the gateway does, for sockets on the process that accepted the message).
 */
async function generate(request: FanOutRequest): Promise<FanOutResult> {
  let round: Round | undefined;
  const early = new Map<string, { count: number; lastAt: number }>();
  const onFrame = () => (text: string, arrivedAt: number) => {
    const messageId = messageIdOf(text);
    if (!messageId) return;
    if (round?.messageId === messageId) {
      round.lastAt = arrivedAt;
      if (--round.remaining === 0) round.done();
      return;
    }
    const seen = early.get(messageId) ?? { count: 0, lastAt: 0 };
    early.set(messageId, { count: seen.count + 1, lastAt: arrivedAt });
  };
  const opened = await openLiveSockets(
    request.url,
    request.receiverTokens,
    request.sockets,
    request.concurrency,
    onFrame,
  );
  try {
    if (opened.failed > 0) {
      throw new Error(`${opened.failed} sockets did not open; first: ${opened.firstFailure}`);
    }
    const lastReceipt: number[] = [];
    for (let r = 0; r < request.warmUpRounds + request.rounds; r++) {
      const sentAt = performance.now();
      const response = await fetch(`${request.url}${request.sendPath}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(request.senderToken ? { authorization: `Bearer ${request.senderToken}` } : {}),
        },
        body: JSON.stringify({
          clientMessageId: `bench_${request.runId}_fan_${r}`,
          text: `fan-out ${r}`,
        }),
      });
      const acceptedAt = performance.now();
      const body = (await response.json()) as { message?: { messageId: string } };
      if (!response.ok || !body.message) {
        throw new Error(`fan-out send: HTTP ${response.status} ${JSON.stringify(body)}`);
      }
      const { messageId } = body.message;
      const seen = early.get(messageId) ?? { count: 0, lastAt: acceptedAt };
      early.delete(messageId);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(
            new Error(
              `fan-out round ${r}: ${round?.remaining} of ${request.sockets} sockets had no message after ${request.roundTimeoutMs} ms`,
            ),
          );
        }, request.roundTimeoutMs);
        round = {
          messageId,
          remaining: request.sockets - seen.count,
          lastAt: seen.lastAt,
          done: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        if (round.remaining <= 0) round.done();
      });
      if (r >= request.warmUpRounds) lastReceipt.push((round as Round).lastAt - sentAt);
      round = undefined;
    }
    return { opened: opened.sockets.length, failed: 0, lastReceipt };
  } finally {
    await closeAll(opened.sockets);
  }
}

if (require.main === module) serveForkedLoad(generate);
