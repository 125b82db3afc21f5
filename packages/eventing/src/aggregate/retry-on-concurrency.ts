import { isConcurrencyError, type ConcurrencyError } from '../store/concurrency.error';

export interface RetryOnConcurrencyOptions {
  /** Total attempts, the first included; at least 1. */
  attempts: number;
  onRetry?: (error: ConcurrencyError, attempt: number) => void;
}

/**
 * Runs `fn` (which must reload, decide and append) again when it lost an optimistic-concurrency
 * race; after `attempts` lost races the last `ConcurrencyError` is thrown. Any other error is
 * thrown at once: a domain refusal does not get better by retrying.
 */
export async function retryOnConcurrency<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOnConcurrencyOptions,
): Promise<T> {
  if (!Number.isSafeInteger(options.attempts) || options.attempts < 1) {
    throw new RangeError(`attempts must be an integer >= 1, got ${options.attempts}`);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (!isConcurrencyError(error) || attempt >= options.attempts) throw error;
      options.onRetry?.(error, attempt);
    }
  }
}
