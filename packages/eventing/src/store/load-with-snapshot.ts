import type { KnownEvent } from '@threadline/contracts';
import type { EventStore } from './event-store.port';
import type { Snapshot, SnapshotStore } from './snapshot-store.port';
import { versionAfter } from './stream-version';

export interface SnapshotLoad<S> {
  /** Null when there is none, or it has another `schemaVersion` (then `events` is the whole stream). */
  snapshot: Snapshot<S> | null;
  /** The events after the snapshot, in order. */
  events: KnownEvent[];
  /** The stream's version: the last event's, else the snapshot's, else 0. */
  version: number;
}

/** Reads the stream's snapshot, then only the commits after it. */
export async function loadWithSnapshot<S>(
  stores: { events: EventStore; snapshots: SnapshotStore },
  streamId: string,
  options: { schemaVersion: number },
): Promise<SnapshotLoad<S>> {
  const stored = await stores.snapshots.read<S>(streamId);
  const snapshot = stored?.schemaVersion === options.schemaVersion ? stored : null;
  const base = snapshot?.version ?? 0;
  const events = await stores.events.load(streamId, { fromVersion: base + 1 });
  return { snapshot, events, version: versionAfter(base, events) };
}
