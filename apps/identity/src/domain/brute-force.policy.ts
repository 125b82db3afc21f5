/**
 * Limits on wrong guesses at a `security_hash`, `user_hash` or `user_jwt`, counted per user and per
 * client address. The first `freeFailures` in `windowMs` cost nothing; each one after that makes
 * the next attempt wait `baseBackoffMs * 2^(failures - freeFailures)`, at most `maxBackoffMs`.
 */
export interface BruteForcePolicy {
  freeFailures: number;
  windowMs: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** How many recent failures a user's stream state keeps; enough to reach `maxBackoffMs`. */
  trackedFailures: number;
}

/** 5 free failures per 15 minutes, then 2 s, 4 s, 8 s … up to 15 minutes between attempts. */
export const DEFAULT_BRUTE_FORCE_POLICY: Readonly<BruteForcePolicy> = Object.freeze({
  freeFailures: 5,
  windowMs: 15 * 60_000,
  baseBackoffMs: 2_000,
  maxBackoffMs: 15 * 60_000,
  trackedFailures: 32,
});

export type ThrottleVerdict =
  { allowed: true } | { allowed: false; retryAt: Date; retryAfterSeconds: number };

const ALLOWED: ThrottleVerdict = Object.freeze({ allowed: true });

/**
 * Whether an attempt at `now` may be checked, given the times of earlier failed guesses for one
 * key (a user or a client address). Pure: the store of attempts is infrastructure.
 */
export function evaluateThrottle(
  failures: readonly (Date | number)[],
  now: Date,
  policy: BruteForcePolicy = DEFAULT_BRUTE_FORCE_POLICY,
): ThrottleVerdict {
  const nowMs = now.getTime();
  const recent = failures
    .map((failure) => (typeof failure === 'number' ? failure : failure.getTime()))
    .filter((at) => at > nowMs - policy.windowMs && at <= nowMs);
  if (recent.length < policy.freeFailures) return ALLOWED;
  const backoffMs = Math.min(
    policy.baseBackoffMs * 2 ** (recent.length - policy.freeFailures),
    policy.maxBackoffMs,
  );
  const retryAtMs = Math.max(...recent) + backoffMs;
  if (nowMs >= retryAtMs) return ALLOWED;
  return {
    allowed: false,
    retryAt: new Date(retryAtMs),
    retryAfterSeconds: Math.ceil((retryAtMs - nowMs) / 1000),
  };
}

/** The stricter of several verdicts: blocked wins, and the later `retryAt` among blocks. */
export function strictestVerdict(...verdicts: readonly ThrottleVerdict[]): ThrottleVerdict {
  let strictest: ThrottleVerdict = ALLOWED;
  for (const verdict of verdicts) {
    if (verdict.allowed) continue;
    if (strictest.allowed || verdict.retryAt > strictest.retryAt) strictest = verdict;
  }
  return strictest;
}

/** Keeps the newest `policy.trackedFailures` failure times, oldest first. */
export function rememberFailure(
  failures: readonly number[],
  at: number,
  policy: BruteForcePolicy = DEFAULT_BRUTE_FORCE_POLICY,
): number[] {
  return [...failures, at].sort((a, b) => a - b).slice(-policy.trackedFailures);
}
