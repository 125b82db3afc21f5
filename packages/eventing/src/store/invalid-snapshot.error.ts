/** A snapshot that the store cannot hold, e.g. a state with a key FerretDB refuses. */
export class InvalidSnapshotError extends Error {
  readonly code = 'EVENT_STORE_INVALID_SNAPSHOT' as const;

  constructor(
    readonly streamId: string,
    readonly reason: string,
  ) {
    super(`refusing to snapshot stream ${streamId}: ${reason}`);
    this.name = 'InvalidSnapshotError';
  }
}
