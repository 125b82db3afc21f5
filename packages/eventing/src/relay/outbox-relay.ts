import type { KafkaProducer } from '@threadline/kafka-client';
import { toEventRecord } from './event-record.mapper';
import { lastVersionOf, sortHandOffs } from './hand-off-order';
import type { CommitRef, OutboxStore, PendingCommit } from './outbox.port';
import { blockingBounds, publishableInOrder } from './publish-order';
import { chunkRecords } from './record-chunks';
import { IdleBackoff } from './idle-backoff';
import { LatestVersions } from './latest-versions';

export interface OutboxRelayOptions {
  outbox: OutboxStore;
  /** The idempotent producer; the relay owns it and disconnects it on `stop()`. */
  producer: KafkaProducer;
  topic: string;
  /** Commits per pass; default 500. */
  batchSize?: number;
  /** Idle wait between passes when nothing was nudged; default 100 ms. */
  pollIntervalMs?: number;
  /** Passes that find nothing double the idle wait up to this; default 1 s. */
  maxPollIntervalMs?: number;
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

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
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
 *
 * Two lanes, whose sends take turns. A commit this process appended is handed over in memory and
 * goes to Kafka at once when the commit before it in its stream was sent by this relay (or it is
 * the stream's first); its mark follows in the background, off the latency path. Everything else
 * (other processes' commits, a hand-off whose predecessor this relay did not send, a failed send or
 * mark) is read from the store by the store pass, whenever nudged and every poll interval (which
 * doubles, up to `maxPollIntervalMs`, while passes find nothing); its reads and marks do not hold
 * up the hand-off lane, only its send does.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly backoff: IdleBackoff;
  private readonly onError: (error: unknown) => void;
  private running = false;
  private loop: Promise<void> | undefined;
  private storePassDue = false;
  private wake: (() => void) | undefined;
  /** Store passes never overlap. */
  private storePasses: Promise<unknown> = Promise.resolve();
  /** Sends never overlap, so each stream's commits reach Kafka in order. */
  private sending: Promise<unknown> = Promise.resolve();
  private readonly handedOff: PendingCommit[] = [];
  private handOffs: Promise<void> | undefined;
  private readonly sent = new LatestVersions();
  /** Sent by the hand-off lane, mark not yet written: the store pass treats them as published. */
  private readonly unmarked = new Set<string>();
  /** Marked since the last store pass began: a pass that began earlier may still read them unmarked. */
  private marked: string[] = [];
  private readonly toMark: CommitRef[] = [];
  private marking: Promise<void> | undefined;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.backoff = new IdleBackoff(this.pollIntervalMs, options.maxPollIntervalMs ?? 1_000);
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

  /** Finishes the batch in hand and its marks, then disconnects the producer. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
    await this.storePasses.catch(() => undefined);
    await this.handOffs;
    await this.sending.catch(() => undefined);
    await this.marking;
    await this.options.producer.disconnect();
  }

  /** Asks for a store pass now instead of after the poll interval. */
  nudge(): void {
    this.storePassDue = true;
    this.wake?.();
  }

  /**
   * A commit this process just appended, for the hand-off lane. Before `start()` nothing is
   * taken: the first store pass finds it.
   */
  handOff(commit: PendingCommit): void {
    if (!this.running) return;
    this.handedOff.push(commit);
    this.scheduleHandOffs();
  }

  /** One pass of both lanes: hand-offs, then up to a batch from the store. */
  publishPending(): Promise<RelayPass> {
    const pass = this.storePasses.then(async () => {
      const handed = await this.exclusiveSend(() => this.handOffPass());
      const stored = await this.storePass();
      return {
        fetched: stored.fetched,
        published: handed.published + stored.published,
        events: handed.events + stored.events,
      };
    });
    this.storePasses = pass.catch(() => undefined);
    return pass;
  }

  private exclusiveSend<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.sending.then(work);
    this.sending = turn.catch(() => undefined);
    return turn;
  }

  private scheduleHandOffs(): void {
    if (this.handOffs) return;
    this.handOffs = this.exclusiveSend(() => this.handOffPass())
      .then((pass) => {
        if (pass.waiting > 0) this.nudge();
      })
      .catch((error: unknown) => {
        // Still unpublished in the store: the store pass sends them.
        this.onError(error);
        this.nudge();
      })
      .finally(() => {
        this.handOffs = undefined;
        if (this.handedOff.length > 0) this.scheduleHandOffs();
      });
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.storePassDue = false;
      let again = false;
      let foundWork = true;
      try {
        const pass = await this.publishPending();
        again = pass.fetched >= this.batchSize;
        foundWork = pass.fetched > 0;
      } catch (error) {
        this.onError(error);
      }
      const wait = this.backoff.after(foundWork);
      if (!this.running) break;
      if (again || this.storePassDue) continue;
      await this.idle(wait);
    }
  }

  private idle(waitMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      this.wake = done;
    });
  }

  /** Sends the handed-over commits that may go now; their marks are written in the background. */
  private async handOffPass(): Promise<{ published: number; events: number; waiting: number }> {
    const handed = this.handedOff.splice(0, this.batchSize);
    const { ready, waiting } = sortHandOffs(handed, this.sent);
    if (ready.length === 0) return { published: 0, events: 0, waiting: waiting.length };
    const events = await this.send(ready);
    await this.options.afterPublish?.(ready);
    for (const commit of ready) this.unmarked.add(commit.id);
    this.markInBackground(ready);
    return { published: ready.length, events, waiting: waiting.length };
  }

  /** Marks wait for the one in flight and then go together, so a busy relay writes few. */
  private markInBackground(commits: readonly CommitRef[]): void {
    this.toMark.push(...commits);
    this.marking ??= this.drainMarks();
  }

  private async drainMarks(): Promise<void> {
    while (this.toMark.length > 0) {
      const batch = this.toMark.splice(0, this.batchSize);
      try {
        await this.options.outbox.markPublished(batch);
        this.marked.push(...batch.map((commit) => commit.id));
      } catch (error) {
        // Still unpublished in the store: the store pass, seeing them sent, marks them.
        for (const commit of batch) this.unmarked.delete(commit.id);
        this.onError(error);
        this.nudge();
      }
    }
    // In the same turn as the last check: a mark queued after it starts a new drain.
    this.marking = undefined;
  }

  /** Whether this relay already sent the commit (its first version, hence all of it). */
  private isSent(commit: CommitRef): boolean {
    return this.unmarked.has(commit.id) || (this.sent.get(commit.streamId) ?? 0) >= commit.version;
  }

  private async storePass(): Promise<RelayPass> {
    const { outbox } = this.options;
    // What the hand-off lane sent is marked before the read, so the read skips it: rereading a
    // big commit only to leave it out costs the store as much as writing it did. Bounded: under
    // steady load marks never stop, and other writers' commits must not wait on them.
    if (this.marking) await Promise.race([this.marking, delay(this.pollIntervalMs)]);
    // Marks written before this read are in it.
    for (const id of this.marked) this.unmarked.delete(id);
    this.marked = [];
    const fetched = await outbox.nextUnpublished(this.batchSize);
    if (fetched.length === 0) return { fetched: 0, published: 0, events: 0 };
    // A batch smaller than asked for holds every unpublished commit: nothing outside it can block.
    const complete = fetched.length < this.batchSize;
    const blockers = complete ? [] : await outbox.unpublishedBelow(blockingBounds(fetched));
    const unsent = <C extends CommitRef>(commits: readonly C[]) =>
      commits.filter((commit) => !this.isSent(commit));
    // What the hand-off lane sent since the read is left out, under the send turn.
    const { ready, events, leftUnmarked } = await this.exclusiveSend(async () => {
      // Sent by this relay with no mark on its way: that mark failed. Marked now, not sent again.
      const leftUnmarked = fetched.filter((c) => !this.unmarked.has(c.id) && this.isSent(c));
      let ready = publishableInOrder(unsent(fetched), unsent(blockers));
      if (ready.length === 0 && unsent(fetched).length > 0) {
        // Every commit waits for an older one of its stream outside the batch (writers' clocks
        // disagree). Taking commits in stream order cannot block, so the relay still progresses.
        ready = publishableInOrder(
          unsent(await outbox.nextUnpublishedInStreamOrder(this.batchSize)),
          [],
        );
      }
      const events = await this.send(ready);
      await this.options.afterPublish?.(ready);
      return { ready, events, leftUnmarked };
    });
    await outbox.markPublished([...ready, ...leftUnmarked]);
    return { fetched: fetched.length, published: ready.length, events };
  }

  /** Chunks go one after another, so per-partition order holds across them. */
  private async send(commits: readonly PendingCommit[]): Promise<number> {
    const { producer, topic } = this.options;
    const records = commits.flatMap((commit) => commit.events.map(toEventRecord));
    for (const chunk of chunkRecords(records)) await producer.send(topic, chunk);
    for (const commit of commits) this.sent.advance(commit.streamId, lastVersionOf(commit));
    return records.length;
  }
}
