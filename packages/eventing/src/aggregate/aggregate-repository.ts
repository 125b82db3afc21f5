import type { KnownEvent } from '@threadline/contracts';
import type { AppendResult, EventStore } from '../store/event-store.port';
import { loadWithSnapshot } from '../store/load-with-snapshot';
import type { SnapshotStore } from '../store/snapshot-store.port';
import { versionAfter } from '../store/stream-version';
import { Aggregate } from './aggregate';
import type { Decider } from './decider';
import type { EventCodec, EventMetadata } from './event-codec.port';
import { retryOnConcurrency } from './retry-on-concurrency';

export interface SnapshotPolicy {
  store: SnapshotStore;
  /** Snapshot whenever a save crosses a multiple of this many events. */
  every: number;
  /** Raise when the state's shape changes: older snapshots are then ignored. */
  schemaVersion: number;
  /** A failed snapshot write never fails the save; default: ignored. */
  onError?: (error: unknown) => void;
}

export interface AggregateRepositoryOptions {
  /** The state must survive a JSON round trip (no Dates, Maps or classes) to be snapshotted. */
  snapshots?: SnapshotPolicy;
}

/** Loads aggregates from their streams and appends what they decided at the version they were loaded at. */
export class AggregateRepository<State, Command, Event> {
  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<State, Command, Event>,
    private readonly codec: EventCodec<Event>,
    private readonly options: AggregateRepositoryOptions = {},
  ) {}

  async load(streamId: string): Promise<Aggregate<State, Command, Event>> {
    const policy = this.options.snapshots;
    let state: State;
    let events: KnownEvent[];
    let version: number;
    if (policy) {
      const loaded = await loadWithSnapshot<State>(
        { events: this.store, snapshots: policy.store },
        streamId,
        { schemaVersion: policy.schemaVersion },
      );
      state = loaded.snapshot?.state ?? this.decider.initialState();
      ({ events, version } = loaded);
    } else {
      state = this.decider.initialState();
      events = await this.store.load(streamId);
      version = versionAfter(0, events);
    }
    for (const envelope of events) {
      state = this.decider.evolve(state, this.codec.decode(envelope));
    }
    return new Aggregate(streamId, this.decider, state, version);
  }

  /** Appends the uncommitted events as one commit; null when there were none. Throws `ConcurrencyError`. */
  async save(
    aggregate: Aggregate<State, Command, Event>,
    metadata: EventMetadata,
  ): Promise<AppendResult | null> {
    const events = aggregate.getUncommittedEvents();
    if (events.length === 0) return null;
    const result = await this.store.append(
      aggregate.streamId,
      aggregate.version,
      events.map((event) => ({ ...this.codec.encode(event), ...metadata })),
      // An aggregate's version comes from its load or its last save: one store read saved.
      { expectedVersionFromStream: true },
    );
    aggregate.markCommitted(result.toVersion);
    await this.snapshotIfDue(aggregate, result);
    return result;
  }

  /**
   * Load, decide, save; on a lost race reloads and decides again, up to `attempts` in all
   * (default 3), then throws the `ConcurrencyError`. Domain errors from `decide` pass through.
   */
  execute(
    streamId: string,
    command: Command,
    metadata: EventMetadata,
    options: { attempts?: number } = {},
  ): Promise<AppendResult | null> {
    return retryOnConcurrency(
      async () => {
        const aggregate = await this.load(streamId);
        aggregate.execute(command);
        return this.save(aggregate, metadata);
      },
      { attempts: options.attempts ?? 3 },
    );
  }

  private async snapshotIfDue(
    aggregate: Aggregate<State, Command, Event>,
    result: AppendResult,
  ): Promise<void> {
    const policy = this.options.snapshots;
    if (!policy) return;
    if (
      Math.floor(result.toVersion / policy.every) === Math.floor(result.fromVersion / policy.every)
    ) {
      return;
    }
    try {
      await policy.store.write({
        streamId: aggregate.streamId,
        version: result.toVersion,
        schemaVersion: policy.schemaVersion,
        state: aggregate.state,
      });
    } catch (error) {
      policy.onError?.(error);
    }
  }
}
