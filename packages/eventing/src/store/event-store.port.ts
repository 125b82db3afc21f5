import type { KnownEvent } from '@threadline/contracts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event as a decision produces it: the store assigns `eventId`, `occurredAt` and the stream position. */
export type NewEvent = DistributiveOmit<
  KnownEvent,
  'eventId' | 'occurredAt' | 'streamId' | 'streamVersion'
>;

/** What one successful append wrote: one commit, atomic on its own. */
export interface AppendResult {
  streamId: string;
  /** The stream version before the append (the expected version). */
  fromVersion: number;
  /** The stream version after it: the `streamVersion` of the last event written. */
  toVersion: number;
  events: KnownEvent[];
}

export interface AppendOptions {
  /**
   * The expected version was read from this stream (a load, or an earlier append's `toVersion`),
   * so it ends a commit: the store may skip checking that. Commits are immutable, so such a
   * version cannot stop ending one; a race is still caught by the unique start version.
   */
  expectedVersionFromStream?: boolean;
}

export interface LoadOptions {
  /** First stream version to return (default 1). */
  fromVersion?: number;
}

/**
 * The write side of one service's event streams (ARCHITECTURE.md, "Write side").
 * Implementations validate every event on write and on read.
 */
export interface EventStore {
  /**
   * Appends the events of one decision as one commit, at stream versions
   * `expectedVersion + 1 ..`. Throws `ConcurrencyError` when the stream is not at
   * `expectedVersion` (someone decided first), `InvalidAppendError` when an event is invalid;
   * in both cases nothing is written.
   */
  append(
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /** The stream's events in order, from `fromVersion` on; empty for an unknown stream. */
  load(streamId: string, options?: LoadOptions): Promise<KnownEvent[]>;
}
