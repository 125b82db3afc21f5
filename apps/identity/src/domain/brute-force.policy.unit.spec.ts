import {
  DEFAULT_BRUTE_FORCE_POLICY,
  evaluateThrottle,
  rememberFailure,
  strictestVerdict,
} from './brute-force.policy';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const secondsAgo = (s: number) => NOW.getTime() - s * 1000;

describe('brute-force policy', () => {
  it('given fewer than 5 failures in 15 minutes, then the next attempt is allowed at once', () => {
    expect(
      evaluateThrottle([secondsAgo(1), secondsAgo(2), secondsAgo(3), secondsAgo(4)], NOW),
    ).toEqual({ allowed: true });
  });

  it('given 5 failures, the last one a second ago, then the next attempt waits 2 s', () => {
    const failures = [5, 4, 3, 2, 1].map(secondsAgo);

    expect(evaluateThrottle(failures, NOW)).toEqual({
      allowed: false,
      retryAt: new Date(secondsAgo(1) + 2000),
      retryAfterSeconds: 1,
    });
  });

  it('given more failures, then the backoff doubles with each one', () => {
    const backoffAfter = (n: number) => {
      const failures = Array.from({ length: n }, () => NOW.getTime());
      const verdict = evaluateThrottle(failures, NOW);
      return verdict.allowed ? 0 : verdict.retryAfterSeconds;
    };

    expect([5, 6, 7, 8, 9].map(backoffAfter)).toEqual([2, 4, 8, 16, 32]);
  });

  it('given very many failures, then the backoff is capped at 15 minutes', () => {
    const failures = Array.from({ length: 30 }, () => NOW.getTime());

    expect(evaluateThrottle(failures, NOW)).toMatchObject({
      allowed: false,
      retryAfterSeconds: 900,
    });
  });

  it('given the backoff has passed, then the next attempt is allowed', () => {
    const failures = [10, 9, 8, 7, 6].map(secondsAgo);

    expect(evaluateThrottle(failures, NOW)).toEqual({ allowed: true });
  });

  it('given failures older than 15 minutes, then they no longer count', () => {
    const failures = [20, 19, 18, 17, 16].map((m) => secondsAgo(m * 60));

    expect(evaluateThrottle(failures, NOW)).toEqual({ allowed: true });
  });

  it('accepts Dates as well as epoch milliseconds', () => {
    const failures = [5, 4, 3, 2, 1].map((s) => new Date(secondsAgo(s)));

    expect(evaluateThrottle(failures, NOW).allowed).toBe(false);
  });

  it('given several verdicts, then a block wins and the later retry among blocks', () => {
    const early = {
      allowed: false as const,
      retryAt: new Date(secondsAgo(-5)),
      retryAfterSeconds: 5,
    };
    const late = {
      allowed: false as const,
      retryAt: new Date(secondsAgo(-60)),
      retryAfterSeconds: 60,
    };

    expect(strictestVerdict({ allowed: true }, early, late, { allowed: true })).toBe(late);
    expect(strictestVerdict({ allowed: true })).toEqual({ allowed: true });
  });

  it('remembers only the newest failures, enough to reach the cap', () => {
    const many = Array.from({ length: 40 }, (_, i) => i);

    const kept = rememberFailure(many, 100);

    expect(kept).toHaveLength(DEFAULT_BRUTE_FORCE_POLICY.trackedFailures);
    expect(kept.at(-1)).toBe(100);
  });
});
