import { deadLetterTopic, type EventEnvelope, type ServiceName } from '@threadline/contracts';
import type { KafkaClient, KafkaRecord } from '@threadline/kafka-client';
import type { mongo } from 'mongoose';
import { platformEventDecoder, type EventDecoder } from '../upcasting';
import { defaultRetryPolicy, type RetryPolicy } from './backoff';
import { buildDeadLetterRecord } from './dead-letter-record';
import { projectionGroupId, type Projection, type ProjectionDocument } from './projection';
import { createProjectionContext } from './projection-context';
import { jsonLinesProjectionLogger, type ProjectionLogger } from './projection-logger';
import { createRecordProjector } from './record-projector';

export interface ProjectionRunnerOptions<E extends EventEnvelope> {
  /** The service running the projection: names its consumer group and dead-letter topic. */
  service: ServiceName;
  kafka: KafkaClient;
  /** The service's own database. */
  db: mongo.Db;
  projection: Projection<E>;
  /** Default `<service>.<projection>.v<schemaVersion>`. */
  groupId?: string;
  /** Default `deadLetterTopic(service)`. */
  deadLetterTopic?: string;
  logger?: ProjectionLogger;
  retry?: Partial<RetryPolicy>;
  /** How long a fetch waits for new records (kafkajs default 5 s). */
  maxWaitTimeMs?: number;
  /**
   * Applied offsets are committed at most this often (default 1 s), and before the runner stops.
   * Applying is idempotent, so a crash costs at most this much re-applied as no-ops, while no
   * commit round trip per record holds up the next fetch.
   */
  commitIntervalMs?: number;
  clock?: () => Date;
}

/** A projection consuming its topics in its own consumer group. */
export interface ProjectionRunner {
  readonly groupId: string;
  /**
   * Resolves once the consumer is connected and subscribed; it joins its group and handles records
   * in the background. After a crash the join waits for the dead member's session to expire (up
   * to 30 s), which must not hold back the service's API.
   */
  start(): Promise<void>;
  /** Stops after the record in hand (a retry wait is cut short, its record left uncommitted). */
  stop(): Promise<void>;
}

/**
 * Runs a projection: each record is decoded, applied, and only then committed. Invalid events go to
 * the dead-letter topic with their reason, unknown types are skipped with a log line, and both are
 * committed so the projection goes on. A failed dead-letter write throws, leaving the record to be
 * redelivered rather than lost.
 */
export function createProjectionRunner<E extends EventEnvelope>(
  options: ProjectionRunnerOptions<E>,
): ProjectionRunner {
  const { projection, kafka, service } = options;
  const groupId = options.groupId ?? projectionGroupId(service, projection);
  const dlt = options.deadLetterTopic ?? deadLetterTopic(service);
  const logger = options.logger ?? jsonLinesProjectionLogger;
  const clock = options.clock ?? (() => new Date());
  const collection = options.db.collection<ProjectionDocument>(projection.collection);
  const abort = new AbortController();
  const consumer = kafka.consumer({ groupId, maxWaitTimeMs: options.maxWaitTimeMs });
  const producer = kafka.producer();
  const project = createRecordProjector<E>({
    projection,
    decoder: projection.decoder ?? (platformEventDecoder() as unknown as EventDecoder<E>),
    context: createProjectionContext(collection, projection.schemaVersion),
    retry: { ...defaultRetryPolicy, ...options.retry },
    signal: abort.signal,
    logger,
  });
  const where = (record: KafkaRecord) => ({
    projection: projection.name,
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
  });

  async function handle(record: KafkaRecord): Promise<void> {
    const outcome = await project(record);
    if (outcome.kind === 'unknown-type') {
      logger({
        level: 'info',
        message: 'skipped event of unknown type',
        reason: outcome.reason,
        ...where(record),
      });
    } else if (outcome.kind === 'rejected') {
      await producer.send(dlt, [
        buildDeadLetterRecord(record, {
          kind: outcome.deadLetter,
          reason: outcome.reason,
          consumerGroup: groupId,
          at: clock(),
        }),
      ]);
      logger({
        level: 'warn',
        message: 'event sent to the dead-letter topic',
        deadLetterTopic: dlt,
        kind: outcome.deadLetter,
        reason: outcome.reason,
        ...where(record),
      });
    }
  }

  let started = false;
  let joining: Promise<void> | undefined;
  return {
    groupId,
    async start() {
      if (started) throw new Error(`projection runner ${groupId} already started`);
      started = true;
      await projection.setup?.(collection);
      consumer.onCrash((error, restarting) =>
        logger({
          level: restarting ? 'warn' : 'error',
          message: restarting
            ? 'projection consumer crashed, restarting'
            : 'projection consumer stopped for good',
          projection: projection.name,
          groupId,
          error: error.message,
        }),
      );
      await consumer.subscribe([...projection.topics], { fromBeginning: true });
      joining = consumer
        .run({ eachRecord: handle, commitIntervalMs: options.commitIntervalMs ?? 1_000 })
        .catch((error: unknown) =>
          logger({
            level: 'error',
            message: 'projection consumer could not start',
            projection: projection.name,
            groupId,
            error: error instanceof Error ? error.message : String(error),
          }),
        );
    },
    async stop() {
      abort.abort(new Error(`projection runner ${groupId} stopping`));
      // A disconnect in the middle of the join would make kafkajs restart the consumer.
      await joining;
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}
