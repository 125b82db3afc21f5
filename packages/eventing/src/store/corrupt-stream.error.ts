/** A stored event no longer decodes, or a stream has a gap: the store was written around us. */
export class CorruptStreamError extends Error {
  readonly code = 'EVENT_STORE_CORRUPT_STREAM' as const;

  constructor(
    readonly streamId: string,
    readonly reason: string,
  ) {
    super(`stream ${streamId} is corrupt: ${reason}`);
    this.name = 'CorruptStreamError';
  }
}
