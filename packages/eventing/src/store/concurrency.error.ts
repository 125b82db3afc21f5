/** Someone appended to the stream first: reload, decide again, or refuse. */
export class ConcurrencyError extends Error {
  readonly code = 'EVENT_STORE_CONCURRENCY' as const;

  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    detail = 'another commit was appended first',
  ) {
    super(`stream ${streamId} is not at version ${expectedVersion}: ${detail}`);
    this.name = 'ConcurrencyError';
  }
}

export function isConcurrencyError(error: unknown): error is ConcurrencyError {
  return error instanceof ConcurrencyError;
}
