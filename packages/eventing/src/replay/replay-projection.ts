import { randomBytes } from 'node:crypto';
import type { EventEnvelope, ServiceName } from '@threadline/contracts';
import type { KafkaClient } from '@threadline/kafka-client';
import type { mongo } from 'mongoose';
import {
  createProjectionContext,
  createRecordProjector,
  defaultRetryPolicy,
  jsonLinesProjectionLogger,
  type Projection,
  type ProjectionDocument,
  type ProjectionLogger,
  type RetryPolicy,
} from '../projection';
import { platformEventDecoder, type EventDecoder } from '../upcasting';
import { fingerprintCollection, type ContentFingerprint } from './content-hash';
import { captureEndOffsets, rangesSince, recordsIn, type PartitionRange } from './partition-range';
import { readRanges } from './read-ranges';
import { createKeyedScheduler } from './keyed-scheduler';
import { swapCollection } from './swap-collection';
import { asOfCollectionName, compactTimestamp, rebuildCollectionName } from './rebuild-names';

const DEFAULT_REPLAY_CONCURRENCY = 16;

export interface ReplayProgress {
  /** Records read so far, whatever became of them. */
  processed: number;
  applied: number;
  /** Records between offset 0 and the end offsets captured at start. */
  total: number;
  elapsedMs: number;
  eventsPerSecond: number;
}

export interface ReplayCounts {
  applied: number;
  /** Occurred after `until`. */
  afterUntil: number;
  unknownType: number;
  /** Invalid, or refused by the projection: the live runner dead-lettered them already. */
  rejected: number;
}

export interface ReplayReport {
  service: ServiceName;
  projection: string;
  liveCollection: string;
  /** Where the rebuilt projection is now: the live name once swapped, else an `__as_of_` name. */
  rebuiltCollection: string;
  until?: string;
  endOffsets: PartitionRange[];
  records: number;
  events: ReplayCounts;
  durationMs: number;
  live: ContentFingerprint;
  rebuilt: ContentFingerprint;
  matched: boolean;
  swapped: boolean;
  /** Events written to the topics while the replay ran, applied after the swap. */
  caughtUp: number;
}

export interface ReplayOptions<E extends EventEnvelope> {
  service: ServiceName;
  kafka: KafkaClient;
  db: mongo.Db;
  projection: Projection<E>;
  /** Apply only events that occurred at or before this time, and keep the result beside the live one. */
  until?: Date;
  onProgress?: (progress: ReplayProgress) => void;
  logger?: ProjectionLogger;
  retry?: Partial<RetryPolicy>;
  /** Aborting stops the replay and drops the unfinished collection. */
  signal?: AbortSignal;
  clock?: () => Date;
  maxWaitTimeMs?: number;
  /**
   * Events applied at once, across streams; one stream's events still apply in order. The
   * store's round trip, not Kafka, bounds a one-at-a-time replay. Default 16.
   */
  concurrency?: number;
}

/**
 * Rebuilds a projection from offset 0 into a fresh collection through the same decode-and-apply
 * code the live runner uses, reading every partition up to the end offsets captured at start with
 * a throwaway consumer group. Then it compares the rebuilt collection with the live one (count and
 * content hash). A full replay always swaps the rebuilt collection in ({@link swapCollection}),
 * then applies what reached the topics while it ran; with `until` nothing is swapped and the
 * result is kept under an `__as_of_` name.
 *
 * The live runner's consumer group is not touched. Stop the runner during a full replay: if it
 * applies a later event of a stream to the swapped-in collection before the catch-up applies an
 * earlier one, the earlier one is then a no-op, and the two collections differ.
 */
export async function replayProjection<E extends EventEnvelope>(
  options: ReplayOptions<E>,
): Promise<ReplayReport> {
  const { db, kafka, projection, until, service } = options;
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger ?? jsonLinesProjectionLogger;
  const signal = options.signal ?? new AbortController().signal;
  const startedAt = clock();
  const startMs = Date.now();
  const rebuildName = rebuildCollectionName(projection.collection, startedAt);
  const throwawayGroup = () =>
    `${service}.${projection.name}.replay-${compactTimestamp(startedAt)}-${randomBytes(3).toString('hex')}`;
  const decoder = projection.decoder ?? (platformEventDecoder() as unknown as EventDecoder<E>);
  const retry = { ...defaultRetryPolicy, ...options.retry };

  const admin = kafka.admin();
  let endOffsets: PartitionRange[];
  try {
    endOffsets = await captureEndOffsets(admin, projection.topics);
  } finally {
    await admin.disconnect();
  }
  const total = recordsIn(endOffsets);
  const counts: ReplayCounts = { applied: 0, afterUntil: 0, unknownType: 0, rejected: 0 };
  let processed = 0;

  await db.createCollection(rebuildName);
  const rebuild = db.collection<ProjectionDocument>(rebuildName);
  try {
    await projection.setup?.(rebuild);
    const project = createRecordProjector<E>({
      projection,
      decoder,
      context: createProjectionContext(rebuild, projection.schemaVersion),
      retry,
      signal,
      logger,
      accept: until ? (event) => Date.parse(event.occurredAt) <= until.getTime() : undefined,
    });
    const scheduler = createKeyedScheduler(options.concurrency ?? DEFAULT_REPLAY_CONCURRENCY);
    await readRanges({
      kafka,
      groupId: throwawayGroup(),
      ranges: endOffsets,
      signal,
      maxWaitTimeMs: options.maxWaitTimeMs,
      onRecord: (record) =>
        scheduler.schedule(record.key ?? `${record.topic}/${record.partition}`, async () => {
          const outcome = await project(record);
          processed++;
          if (outcome.kind === 'applied') counts.applied++;
          else if (outcome.kind === 'filtered') counts.afterUntil++;
          else if (outcome.kind === 'unknown-type') counts.unknownType++;
          else counts.rejected++;
          const elapsedMs = Date.now() - startMs;
          options.onProgress?.({
            processed,
            applied: counts.applied,
            total,
            elapsedMs,
            eventsPerSecond: elapsedMs > 0 ? (processed * 1000) / elapsedMs : 0,
          });
        }),
    });
    await scheduler.drain();
  } catch (error) {
    await rebuild.drop().catch(() => undefined);
    throw error;
  }

  const live = await fingerprintCollection(db.collection(projection.collection));
  const rebuilt = await fingerprintCollection(db.collection(rebuildName));
  const matched = live.count === rebuilt.count && live.hash === rebuilt.hash;

  let rebuiltCollection: string;
  let caughtUp = 0;
  if (until) {
    rebuiltCollection = asOfCollectionName(projection.collection, until, startedAt);
    await db.renameCollection(rebuildName, rebuiltCollection);
  } else {
    rebuiltCollection = projection.collection;
    await swapCollection(db, rebuildName, projection.collection, clock);
    caughtUp = await catchUp();
  }

  const report: ReplayReport = {
    service,
    projection: projection.name,
    liveCollection: projection.collection,
    rebuiltCollection,
    ...(until ? { until: until.toISOString() } : {}),
    endOffsets,
    records: processed,
    events: counts,
    durationMs: Date.now() - startMs,
    live,
    rebuilt,
    matched,
    swapped: !until,
    caughtUp,
  };
  logger({ level: 'info', message: 'projection replayed', ...report, endOffsets: undefined });
  return report;

  /** Applies to the swapped-in collection what the topics received while the replay ran. */
  async function catchUp(): Promise<number> {
    const adminNow = kafka.admin();
    let since: PartitionRange[];
    try {
      since = rangesSince(endOffsets, await captureEndOffsets(adminNow, projection.topics));
    } finally {
      await adminNow.disconnect();
    }
    if (recordsIn(since) === 0) return 0;
    const project = createRecordProjector<E>({
      projection,
      decoder,
      context: createProjectionContext(
        db.collection<ProjectionDocument>(projection.collection),
        projection.schemaVersion,
      ),
      retry,
      signal,
      logger,
    });
    let applied = 0;
    await readRanges({
      kafka,
      groupId: throwawayGroup(),
      ranges: since,
      signal,
      maxWaitTimeMs: options.maxWaitTimeMs,
      async onRecord(record) {
        if ((await project(record)).kind === 'applied') applied++;
      },
    });
    return applied;
  }
}
