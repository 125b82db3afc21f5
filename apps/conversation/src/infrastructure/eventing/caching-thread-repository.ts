import {
  Aggregate,
  isConcurrencyError,
  retryOnConcurrency,
  type AggregateRepository,
  type AppendResult,
  type Decider,
  type EventMetadata,
} from '@threadline/eventing';
import { LRUCache } from 'lru-cache';
import type {
  ThreadAggregate,
  ThreadRepository,
  UpdateOptions,
} from '../../application/ports/thread-repository.port';
import { ThreadError, type ThreadCommand, type ThreadEvent, type ThreadState } from '../../domain';
import { KeyedLanes } from './keyed-lanes';

interface Remembered {
  state: ThreadState;
  version: number;
}

export interface CachingThreadRepositoryOptions {
  /** Threads whose state this process keeps; the least recently used are dropped. */
  maxThreads: number;
  /** Attempts per update when other processes keep winning the race. */
  attempts: number;
}

/**
 * Decides on the state this process last saw of a thread, instead of reading the stream for every
 * command: on FerretDB a stream read costs a scan of its commits. This is safe because every
 * append names the version it was decided at: if another process appended since, the append is
 * refused (`ConcurrencyError`), the state is dropped and read again. A refusal or a no-op
 * decided on remembered state is what fresh state would decide too (threads only grow), except a
 * refusal about something another process just added, so refusals are checked again on fresh state.
 */
export class CachingThreadRepository implements ThreadRepository {
  private readonly remembered: LRUCache<string, Remembered>;
  private readonly lanes = new KeyedLanes();

  constructor(
    private readonly store: AggregateRepository<ThreadState, ThreadCommand, ThreadEvent>,
    private readonly decider: Decider<ThreadState, ThreadCommand, ThreadEvent>,
    private readonly options: CachingThreadRepositoryOptions,
  ) {
    this.remembered = new LRUCache({ max: options.maxThreads });
  }

  update<T>(
    streamId: string,
    metadata: EventMetadata,
    work: (thread: ThreadAggregate) => T | Promise<T>,
    options: UpdateOptions = {},
  ): Promise<{ value: T; appended: AppendResult | null }> {
    return retryOnConcurrency(
      (attempt) =>
        this.lanes.run(streamId, async () => {
          let thread = await this.load(streamId, options.fresh === true || attempt > 1);
          let value: T;
          try {
            value = await work(thread.aggregate);
          } catch (error) {
            if (!thread.remembered || !(error instanceof ThreadError)) throw error;
            thread = await this.load(streamId, true);
            value = await work(thread.aggregate);
          }
          return { value, appended: await this.save(thread.aggregate, metadata) };
        }),
      { attempts: this.options.attempts },
    );
  }

  async execute(
    streamId: string,
    command: ThreadCommand,
    metadata: EventMetadata,
    options: UpdateOptions = {},
  ): Promise<AppendResult | null> {
    const { appended } = await this.update(
      streamId,
      metadata,
      (thread) => thread.execute(command),
      options,
    );
    return appended;
  }

  private async load(
    streamId: string,
    fresh: boolean,
  ): Promise<{ aggregate: ThreadAggregate; remembered: boolean }> {
    const known = fresh ? undefined : this.remembered.get(streamId);
    if (known) {
      return {
        aggregate: new Aggregate(streamId, this.decider, known.state, known.version),
        remembered: true,
      };
    }
    const aggregate = await this.store.load(streamId);
    this.remembered.set(streamId, { state: aggregate.state, version: aggregate.version });
    return { aggregate, remembered: false };
  }

  private async save(aggregate: ThreadAggregate, metadata: EventMetadata) {
    try {
      const appended = await this.store.save(aggregate, metadata);
      if (appended) {
        this.remembered.set(aggregate.streamId, {
          state: aggregate.state,
          version: aggregate.version,
        });
      }
      return appended;
    } catch (error) {
      if (isConcurrencyError(error)) this.remembered.delete(aggregate.streamId);
      throw error;
    }
  }
}
