import type { Snapshot, SnapshotStore } from './snapshot-store.port';

/** The snapshot store port without I/O, for unit tests. */
export class InMemorySnapshotStore implements SnapshotStore {
  private readonly snapshots = new Map<string, Snapshot<unknown>>();

  async read<S>(streamId: string): Promise<Snapshot<S> | null> {
    const stored = this.snapshots.get(streamId) as Snapshot<S> | undefined;
    return stored ? structuredClone(stored) : null;
  }

  async write<S>(snapshot: Snapshot<S>): Promise<boolean> {
    const stored = this.snapshots.get(snapshot.streamId);
    if (stored && stored.version >= snapshot.version) return false;
    this.snapshots.set(snapshot.streamId, structuredClone(snapshot));
    return true;
  }
}
