import type { KnownEvent } from '@threadline/contracts';
import { v7 as uuidv7 } from 'uuid';
import { systemClock, type Clock } from './clock.port';
import { ConcurrencyError } from './concurrency.error';
import { buildEnvelopes } from './envelope-builder';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  LoadOptions,
  NewEvent,
} from './event-store.port';
import { versionAfter } from './stream-version';

/** The event store port without I/O, for unit tests of handlers; same validation and concurrency rules. */
export class InMemoryEventStore implements EventStore {
  private readonly streams = new Map<string, KnownEvent[]>();

  constructor(
    private readonly clock: Clock = systemClock,
    private readonly newEventId: () => string = () => uuidv7(),
  ) {}

  async append(
    streamId: string,
    expectedVersion: number,
    newEvents: readonly NewEvent[],
    // Every version is checked here anyway: there is no read to save.
    _options?: AppendOptions,
  ): Promise<AppendResult> {
    const events = buildEnvelopes(streamId, expectedVersion, newEvents, {
      clock: this.clock,
      newEventId: this.newEventId,
    });
    const stream = this.streams.get(streamId) ?? [];
    if (versionAfter(0, stream) !== expectedVersion) {
      throw new ConcurrencyError(streamId, expectedVersion);
    }
    this.streams.set(streamId, [...stream, ...events]);
    return { streamId, fromVersion: expectedVersion, toVersion: versionAfter(0, events), events };
  }

  async load(streamId: string, options: LoadOptions = {}): Promise<KnownEvent[]> {
    const from = options.fromVersion ?? 1;
    return (this.streams.get(streamId) ?? []).filter((e) => e.streamVersion >= from);
  }
}
