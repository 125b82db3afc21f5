import type { KnownEvent } from '@threadline/contracts';
import {
  backoffDelay,
  buildDeadLetterRecord,
  decodeRecord,
  defaultRetryPolicy,
  isConcurrencyError,
  isTransientStoreError,
  platformEventDecoder,
  type ProjectionLogger,
  type RetryPolicy,
} from '@threadline/eventing';
import type { KafkaClient, KafkaRecord } from '@threadline/kafka-client';

export interface EventReactorOptions {
  kafka: KafkaClient;
  groupId: string;
  topics: string[];
  /** Where an event the reaction keeps refusing is parked, with the reason. */
  deadLetterTopic: string;
  react(event: KnownEvent): Promise<void>;
  logger: ProjectionLogger;
  retry?: Partial<RetryPolicy>;
  maxWaitTimeMs?: number;
  /** Handled offsets are committed at most this often (default 1 s); reactions are idempotent. */
  commitIntervalMs?: number;
}

export interface EventReactor {
  start(): Promise<void>;
  stop(): Promise<void>;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * Turns events of other services into commands of this one (a process manager's entry point), as
 * the projection runner does for read models: each record is decoded, reacted to, and only then
 * committed. A store outage or a lost race is retried until it passes; any other failure
 * `maxAttempts` times, then the record is parked in the dead-letter topic so the rest go on.
 * Invalid or unknown events are passed over: the service that owns the topic dead-letters them.
 */
export function createEventReactor(options: EventReactorOptions): EventReactor {
  const retry = { ...defaultRetryPolicy, ...options.retry };
  const decoder = platformEventDecoder();
  const abort = new AbortController();
  const consumer = options.kafka.consumer({
    groupId: options.groupId,
    maxWaitTimeMs: options.maxWaitTimeMs,
  });
  const producer = options.kafka.producer();

  async function handle(record: KafkaRecord): Promise<void> {
    const decoded = decodeRecord(record, decoder);
    if (!decoded.ok) return;
    for (let attempt = 1; ; attempt++) {
      try {
        await options.react(decoded.event as KnownEvent);
        return;
      } catch (error) {
        if (abort.signal.aborted) throw abort.signal.reason;
        const transient = isTransientStoreError(error) || isConcurrencyError(error);
        const message = error instanceof Error ? error.message : String(error);
        const where = {
          groupId: options.groupId,
          topic: record.topic,
          partition: record.partition,
          offset: record.offset,
        };
        if (!transient && attempt >= retry.maxAttempts) {
          await producer.send(options.deadLetterTopic, [
            buildDeadLetterRecord(record, {
              kind: 'apply-failed',
              reason: `${options.groupId} failed ${attempt} times: ${message}`,
              consumerGroup: options.groupId,
              at: new Date(),
            }),
          ]);
          options.logger({
            level: 'error',
            message: 'event sent to the dead-letter topic',
            error: message,
            ...where,
          });
          return;
        }
        const delayMs = backoffDelay(attempt, retry);
        options.logger({
          level: 'warn',
          message: 'reaction failed, retrying',
          transient,
          attempt,
          delayMs,
          error: message,
          ...where,
        });
        await wait(delayMs, abort.signal);
      }
    }
  }

  let joining: Promise<void> | undefined;
  return {
    async start() {
      consumer.onCrash((error, restarting) =>
        options.logger({
          level: restarting ? 'warn' : 'error',
          message: restarting
            ? 'reactor consumer crashed, restarting'
            : 'reactor consumer stopped for good',
          groupId: options.groupId,
          error: error.message,
        }),
      );
      await consumer.subscribe(options.topics, { fromBeginning: true });
      // Joined in the background: after a crash the join waits for the dead member's session
      // to expire (up to 30 s), which must not hold back the service's API.
      joining = consumer
        .run({ eachRecord: handle, commitIntervalMs: options.commitIntervalMs ?? 1_000 })
        .catch((error: unknown) =>
          options.logger({
            level: 'error',
            message: 'reactor consumer could not start',
            groupId: options.groupId,
            error: error instanceof Error ? error.message : String(error),
          }),
        );
    },
    async stop() {
      abort.abort(new Error(`reactor ${options.groupId} stopping`));
      // A disconnect in the middle of the join would make kafkajs restart the consumer.
      await joining;
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}
