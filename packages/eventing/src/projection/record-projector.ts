import type { EventEnvelope } from '@threadline/contracts';
import type { KafkaRecord } from '@threadline/kafka-client';
import type { EventDecoder } from '../upcasting';
import { backoffDelay, sleep, type RetryPolicy } from './backoff';
import type { DeadLetterKind } from './dead-letter-record';
import { decodeRecord } from './decode-record';
import type { Projection, ProjectionContext } from './projection';
import type { ProjectionLogger } from './projection-logger';
import { isTransientStoreError } from './store-errors';

/** What became of one record. `rejected` records belong in the dead-letter topic. */
export type RecordOutcome<E> =
  | { kind: 'applied'; event: E }
  | { kind: 'unknown-type'; reason: string }
  | { kind: 'filtered'; event: E }
  | { kind: 'rejected'; deadLetter: DeadLetterKind; reason: string };

export interface RecordProjectorOptions<E extends EventEnvelope> {
  projection: Projection<E>;
  decoder: EventDecoder<E>;
  context: ProjectionContext;
  retry: RetryPolicy;
  /** Aborting ends a retry wait at once: the record is then left uncommitted. */
  signal: AbortSignal;
  logger: ProjectionLogger;
  /** Events it returns false for are not applied (replay's `until`). */
  accept?: (event: E) => boolean;
}

/**
 * Decodes and applies one record: the step the live runner and a replay share, so a rebuilt
 * projection goes through exactly the code the live one did. Transient store errors are retried
 * until they pass (or `signal` aborts); other failures of `apply` are retried `maxAttempts` times and
 * then reported as rejected, so one poison event does not stop the projection.
 */
export function createRecordProjector<E extends EventEnvelope>(
  options: RecordProjectorOptions<E>,
): (record: KafkaRecord) => Promise<RecordOutcome<E>> {
  const { projection, context, retry, signal, logger } = options;
  return async (record) => {
    const decoded = decodeRecord(record, options.decoder);
    if (!decoded.ok) {
      return decoded.kind === 'unknown-type'
        ? { kind: 'unknown-type', reason: decoded.reason }
        : { kind: 'rejected', deadLetter: 'invalid', reason: decoded.reason };
    }
    const event = decoded.event;
    if (options.accept && !options.accept(event)) return { kind: 'filtered', event };
    for (let attempt = 1; ; attempt++) {
      try {
        await projection.apply(event, context);
        return { kind: 'applied', event };
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        const transient = isTransientStoreError(error);
        const message = error instanceof Error ? error.message : String(error);
        if (!transient && attempt >= retry.maxAttempts) {
          return {
            kind: 'rejected',
            deadLetter: 'apply-failed',
            reason: `${projection.name} failed ${attempt} times: ${message}`,
          };
        }
        const delayMs = backoffDelay(attempt, retry);
        logger({
          level: 'warn',
          message: 'projection apply failed, retrying',
          projection: projection.name,
          transient,
          attempt,
          delayMs,
          error: message,
          topic: record.topic,
          partition: record.partition,
          offset: record.offset,
        });
        await sleep(delayMs, signal);
      }
    }
  };
}
