import { LRUCache } from 'lru-cache';
import type { AppendResult } from '../store/event-store.port';
import { isConcurrencyError } from '../store/concurrency.error';
import { Aggregate } from './aggregate';
import type { AggregateRepository } from './aggregate-repository';
import type { Decider } from './decider';
import type { EventMetadata } from './event-codec.port';
import { KeyedLanes } from '../keyed-lanes';
import { retryOnConcurrency } from './retry-on-concurrency';

export interface CachedAggregatesOptions {
  /** Streams whose state this process keeps; the least recently used are dropped. */
  maxStreams: number;
  /** Attempts per update when other processes keep winning the race. */
  attempts: number;
  /**
   * The domain's refusals (errors `decide` throws). One decided on remembered state is decided
   * again on fresh state, since what another process appended meanwhile may change it.
   */
  isRefusal: (error: unknown) => boolean;
}

export interface UpdateOptions {
  /** Decide on state read from the store now, never on state this process remembers. */
  fresh?: boolean;
  /**
   * The command only ever has an effect on less advanced state: its no-op on remembered state is
   * a no-op on any later state too, so it is believed without reading the stream. (Recording a
   * contact's message: "seen" and "has written" only move forward.)
   */
  noOpIsFinal?: boolean;
}

interface Remembered<State> {
  state: State;
  version: number;
}

/**
 * Decides on the state this process last saw of a stream instead of reading the stream for every
 * command: on FerretDB a stream read costs a scan of its commits. Safe because every append names
 * the version it was decided at: if another process appended since, the store refuses the append
 * (`ConcurrencyError`), the state is dropped and read again. What appends nothing, a refusal or a
 * no-op, gets no such check, so it is decided again on fresh state before it is believed, unless
 * the caller knows the no-op cannot be undone by what it has not seen (`noOpIsFinal`).
 */
export class CachedAggregates<State, Command, Event> {
  private readonly remembered: LRUCache<string, Remembered<State>>;
  private readonly lanes = new KeyedLanes();

  constructor(
    private readonly store: AggregateRepository<State, Command, Event>,
    private readonly decider: Decider<State, Command, Event>,
    private readonly options: CachedAggregatesOptions,
  ) {
    this.remembered = new LRUCache({ max: options.maxStreams });
  }

  /**
   * Runs `work` on the stream's aggregate, alone among this process's work on that stream, then
   * appends what it decided. A race lost to another process reloads and runs `work` again. `work`
   * must only decide: it may run more than once.
   */
  update<T>(
    streamId: string,
    metadata: EventMetadata,
    work: (aggregate: Aggregate<State, Command, Event>) => T | Promise<T>,
    options: UpdateOptions = {},
  ): Promise<{ value: T; appended: AppendResult | null }> {
    return retryOnConcurrency(
      (attempt) =>
        this.lanes.run(streamId, async () => {
          let current = await this.load(streamId, options.fresh === true || attempt > 1);
          const onFreshState = async () => {
            current = await this.load(streamId, true);
            return work(current.aggregate);
          };
          let value: T;
          try {
            value = await work(current.aggregate);
          } catch (error) {
            if (!current.remembered || !this.options.isRefusal(error)) throw error;
            value = await onFreshState();
          }
          const noOp = current.aggregate.getUncommittedEvents().length === 0;
          if (current.remembered && noOp && options.noOpIsFinal !== true) {
            value = await onFreshState();
          }
          return { value, appended: await this.save(current.aggregate, metadata) };
        }),
      { attempts: this.options.attempts },
    );
  }

  async execute(
    streamId: string,
    command: Command,
    metadata: EventMetadata,
    options: UpdateOptions = {},
  ): Promise<AppendResult | null> {
    const { appended } = await this.update(
      streamId,
      metadata,
      (aggregate) => aggregate.execute(command),
      options,
    );
    return appended;
  }

  private async load(
    streamId: string,
    fresh: boolean,
  ): Promise<{ aggregate: Aggregate<State, Command, Event>; remembered: boolean }> {
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

  private async save(aggregate: Aggregate<State, Command, Event>, metadata: EventMetadata) {
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
