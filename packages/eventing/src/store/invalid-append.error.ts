/** An append was refused before anything was written: an invalid event or argument. */
export class InvalidAppendError extends Error {
  readonly code = 'EVENT_STORE_INVALID_APPEND' as const;

  constructor(
    readonly streamId: string,
    readonly reason: string,
  ) {
    super(`refusing to append to stream ${streamId}: ${reason}`);
    this.name = 'InvalidAppendError';
  }
}
