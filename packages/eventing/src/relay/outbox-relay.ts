import type { KafkaProducer } from '@threadline/kafka-client';
import { toEventRecord } from './event-record.mapper';
import type { OutboxStore, PendingCommit } from './outbox.port';
import { blockingBounds, publishableInOrder } from './publish-order';
import { chunkRecords } from './record-chunks';

export interface OutboxRelayOptions {
  outbox: OutboxStore;
  /** The idempotent producer; the relay owns it and disconnects it on `stop()`. */
  producer: KafkaProducer;
  topic: string;
  /** Commits per pass; default 500. */
  batchSize?: number;
  /** Idle wait between passes when nothing was nudged; default 100 ms. */
  pollIntervalMs?: number;
  /** Test hook, run after a batch is on Kafka and before it is marked published (a crash window). */
  afterPublish?: (commits: readonly PendingCommit[]) => void | Promise<void>;
  /** A failed pass is retried after the poll interval; default: a JSON line on stderr. */
  onError?: (error: unknown) => void;
}

export interface RelayPass {
  /** Unpublished commits read. */
  fetched: number;
  /** Commits published and marked. */
  published: number;
  events: number;
}

function logError(error: unknown): void {
  process.stderr.write(
    `${JSON.stringify({ level: 'error', msg: 'outbox relay pass failed', error: String(error) })}\n`,
  );
}

/**
 * Publishes committed events to Kafka, then marks their commits published. A crash in between
 * republishes on restart (consumers are idempotent by stream version); nothing is lost, and a
 * stream's commits go out in order. Run one relay per service database: two would still lose
 * nothing, but could interleave duplicates.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly onError: (error: unknown) => void;
  private running = false;
  private loop: Promise<void> | undefined;
  private nudged = false;
  private wake: (() => void) | undefined;
  private passes: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.onError = options.onError ?? logError;
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the batch in hand, then disconnects the producer. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
    await this.passes.catch(() => undefined);
    await this.options.producer.disconnect();
  }

  /** Asks for a pass now instead of after the poll interval, e.g. right after an append. */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** One pass: publishes up to a batch of unpublished commits. Passes never overlap. */
  publishPending(): Promise<RelayPass> {
    const pass = this.passes.then(() => this.pass());
    this.passes = pass.catch(() => undefined);
    return pass;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.nudged = false;
      let again = false;
      try {
        const pass = await this.publishPending();
        again = pass.fetched >= this.batchSize;
      } catch (error) {
        this.onError(error);
      }
      if (!this.running) break;
      if (again || this.nudged) continue;
      await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.wake = done;
    });
  }

  private async pass(): Promise<RelayPass> {
    const { outbox, producer, topic } = this.options;
    let batch = await outbox.nextUnpublished(this.batchSize);
    if (batch.length === 0) return { fetched: 0, published: 0, events: 0 };
    // A batch smaller than asked for holds every unpublished commit: nothing outside it can block.
    const complete = batch.length < this.batchSize;
    let ready = publishableInOrder(
      batch,
      complete ? [] : await outbox.unpublishedBelow(blockingBounds(batch)),
    );
    if (ready.length === 0) {
      // Every commit waits for an older one of its stream outside the batch (writers' clocks
      // disagree). Taking commits in stream order cannot block, so the relay still progresses.
      batch = await outbox.nextUnpublishedInStreamOrder(this.batchSize);
      ready = publishableInOrder(batch, []);
    }
    const records = ready.flatMap((commit) => commit.events.map(toEventRecord));
    // Chunks go one after another, so per-partition order holds across them.
    for (const chunk of chunkRecords(records)) await producer.send(topic, chunk);
    await this.options.afterPublish?.(ready);
    await outbox.markPublished(ready);
    return { fetched: batch.length, published: ready.length, events: records.length };
  }
}
