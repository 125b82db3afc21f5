import { performance } from 'node:perf_hooks';
import { serveForkedLoad } from '../forked-load';
import { closeAll, messageIdOf, openLiveSockets } from './live-socket.client';

export interface DeliveryLatencyRequest {
  /** The gateway the senders post to. */
  url: string;
  /** The gateway the receiving devices' sockets are open on: `url`, or another process. */
  receiverUrl: string;
  /** Per user: the sending device's session token, and the other device's (its socket receives). */
  users: { senderToken: string; receiverToken: string }[];
  messagesPerSecond: number;
  /** Sends are offered for this long (rate × seconds messages at most); no new send after it. */
  seconds: number;
  /** Sends in flight at most; past it the generator falls behind its schedule instead. */
  maxInFlight: number;
  /** After the last answer, how long delivery may take before the missing count as lost. */
  drainSeconds: number;
  runId: string;
}

export interface DeliveryLatencyResult {
  /** rate × seconds: what the schedule offered. */
  offered: number;
  /** Sends made: fewer than offered when answers came slower than the schedule. */
  sent: number;
  accepted: number;
  failed: number;
  firstFailure?: string;
  delivered: number;
  /** Accept (the 201 reaching the sender) → the frame on the other device's socket, ms. */
  latencies: number[];
  /** Send → 201, ms. */
  acceptLatencies: number[];
  /** From the first scheduled send to the last answer. */
  sendingMs: number;
}

/**
 * Runs in a child process (`fork`): one socket per user on its second device, and senders posting
 * `POST /api/widget/messages` from the first device at an offered rate, users in turn. Sender and
 * receiver are this one process, so accept and arrival times come from one clock.
 */
async function generate(request: DeliveryLatencyRequest): Promise<DeliveryLatencyResult> {
  const acceptedAt = new Map<string, number>();
  const arrivedAt = new Map<string, number>();
  const latencies: number[] = [];
  const acceptLatencies: number[] = [];
  const onArrival = (messageId: string, at: number) => {
    if (arrivedAt.has(messageId)) return;
    arrivedAt.set(messageId, at);
    const accepted = acceptedAt.get(messageId);
    // A frame may beat the 201 to this process: it counts as 0 ms.
    if (accepted !== undefined) latencies.push(Math.max(0, at - accepted));
  };
  const receivers = await openLiveSockets(
    request.receiverUrl,
    request.users.map((u) => u.receiverToken),
    request.users.length,
    request.users.length,
    () => (text, at) => {
      const messageId = messageIdOf(text);
      if (messageId) onArrival(messageId, at);
    },
  );
  try {
    if (receivers.failed > 0) {
      throw new Error(
        `${receivers.failed} receiving sockets did not open: ${receivers.firstFailure}`,
      );
    }
    const offered = Math.round(request.messagesPerSecond * request.seconds);
    let sent = 0;
    let failed = 0;
    let firstFailure: string | undefined;
    let next = 0;
    let lastAnswerAt = 0;
    const startedAt = performance.now();
    const stopAt = startedAt + request.seconds * 1000;
    await Promise.all(
      Array.from({ length: request.maxInFlight }, async () => {
        for (let i = next++; i < offered; i = next++) {
          const due = startedAt + (i * 1000) / request.messagesPerSecond;
          if (due > performance.now())
            await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
          if (performance.now() >= stopAt) return;
          const user = request.users[i % request.users.length]!;
          const sentAt = performance.now();
          sent++;
          try {
            const response = await fetch(`${request.url}/api/widget/messages`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${user.senderToken}`,
              },
              body: JSON.stringify({
                clientMessageId: `bench_${request.runId}_${i}`,
                text: `bench message ${i}`,
              }),
            });
            const answeredAt = performance.now();
            lastAnswerAt = Math.max(lastAnswerAt, answeredAt);
            const body = (await response.json()) as { message?: { messageId: string } };
            if (response.status !== 201 || !body.message) {
              failed++;
              firstFailure ??= `HTTP ${response.status} ${JSON.stringify(body)}`;
              continue;
            }
            const { messageId } = body.message;
            acceptedAt.set(messageId, answeredAt);
            acceptLatencies.push(answeredAt - sentAt);
            const arrived = arrivedAt.get(messageId);
            if (arrived !== undefined) latencies.push(Math.max(0, arrived - answeredAt));
          } catch (error) {
            failed++;
            firstFailure ??= error instanceof Error ? error.message : String(error);
          }
        }
      }),
    );
    const drainUntil = performance.now() + request.drainSeconds * 1000;
    while (latencies.length < acceptedAt.size && performance.now() < drainUntil) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return {
      offered,
      sent,
      accepted: acceptedAt.size,
      failed,
      ...(firstFailure === undefined ? {} : { firstFailure }),
      delivered: latencies.length,
      latencies,
      acceptLatencies,
      sendingMs: Math.max(1, lastAnswerAt - startedAt),
    };
  } finally {
    await closeAll(receivers.sockets);
  }
}

if (require.main === module) serveForkedLoad(generate);
