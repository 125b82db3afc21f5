import { serveForkedLoad } from '../forked-load';

/** What the bench asks the load-generating child process to do. */
export interface MessageLoadRequest {
  url: string;
  applicationId: string;
  /** One contact id per thread; messages go to them in turn. */
  contactIds: string[];
  messages: number;
  /** Concurrent senders, each waiting for its answer before the next send. */
  connections: number;
  /** When set, message i is not sent before i / rate seconds into the run (an offered load). */
  messagesPerSecond?: number;
  runId: string;
}

/** One accepted message: its thread, its place in it, and when the answer arrived (epoch ms). */
export interface Accepted {
  thread: number;
  cursor: string;
  acceptedAt: number;
}

export interface MessageLoadResult {
  accepted: Accepted[];
  failed: number;
  firstFailure?: string;
  startedAt: number;
  endedAt: number;
}

/**
 * Runs in a child process (`fork`), so the senders do not share an event loop or a CPU with the
 * service they measure: a concurrent loop of `POST /internal/threads/messages`, each with a
 * new client message id, spread over the threads in turn.
 */
async function generate(request: MessageLoadRequest): Promise<MessageLoadResult> {
  const accepted: Accepted[] = [];
  let failed = 0;
  let firstFailure: string | undefined;
  let next = 0;
  const startedAt = Date.now();
  await Promise.all(
    Array.from({ length: request.connections }, async (_, sender) => {
      for (let i = next++; i < request.messages; i = next++) {
        if (request.messagesPerSecond !== undefined) {
          const due = startedAt + (i * 1000) / request.messagesPerSecond;
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
        }
        const thread = i % request.contactIds.length;
        const response = await fetch(`${request.url}/internal/threads/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            applicationId: request.applicationId,
            contactId: request.contactIds[thread],
            clientMessageId: `bench_${request.runId}_${i}`,
            author:
              i % 3 === 2
                ? { kind: 'agent', agentId: 'bench-agent' }
                : { kind: 'user', deviceId: `bench-device-${sender}` },
            text: `bench message ${i}`,
          }),
        });
        const body = (await response.json()) as { message?: { cursor: string } };
        if (response.status === 201 && body.message) {
          accepted.push({ thread, cursor: body.message.cursor, acceptedAt: Date.now() });
        } else {
          failed++;
          firstFailure ??= `HTTP ${response.status} ${JSON.stringify(body)}`;
        }
      }
    }),
  );
  return { accepted, failed, firstFailure, startedAt, endedAt: Date.now() };
}

if (require.main === module) serveForkedLoad(generate);
