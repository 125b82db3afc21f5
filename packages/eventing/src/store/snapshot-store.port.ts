/** A stream's folded state as of `version`, so a long stream loads only what came after. */
export interface Snapshot<S> {
  streamId: string;
  version: number;
  /** Version of the state's shape; a snapshot with another one is ignored on load. */
  schemaVersion: number;
  state: S;
}

/** Snapshots of event streams, one per stream, that only ever move forward. */
export interface SnapshotStore {
  read<S>(streamId: string): Promise<Snapshot<S> | null>;
  /**
   * Stores the snapshot unless one at the same or a later version is already stored.
   * Resolves true when it was stored. A snapshot is an optimisation: losing a race is fine.
   */
  write<S>(snapshot: Snapshot<S>): Promise<boolean>;
}
