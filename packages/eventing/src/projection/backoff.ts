export interface RetryPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  /** Attempts at an event whose failure is not transient before it is dead-lettered. */
  maxAttempts: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  initialDelayMs: 200,
  maxDelayMs: 10_000,
  maxAttempts: 5,
};

/** Exponential delay before retry number `attempt` (1-based), capped, with ±20% jitter. */
export function backoffDelay(
  attempt: number,
  policy: Pick<RetryPolicy, 'initialDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt - 1));
  // Jitter keeps many consumers that lost the store at once from retrying in lockstep.
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Resolves after `ms`, or rejects with the abort reason as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
