import { VerificationCache } from './verification-cache';

describe('verification cache', () => {
  let now = 1_000;
  const clock = () => now;

  beforeEach(() => {
    now = 1_000;
  });

  it('answers from memory within its time to live, then asks again', () => {
    const cache = new VerificationCache<string>(5_000, 10, clock);
    cache.set('t1', 'claims', now);
    now += 4_999;
    expect(cache.get('t1')).toBe('claims');
    now += 1;
    expect(cache.get('t1')).toBeUndefined();
  });

  it('never answers for a revoked token, even from a verification that started before the revocation', () => {
    const cache = new VerificationCache<string>(5_000, 10, clock);
    cache.set('t1', 'claims', now);
    const startedAt = now;
    now += 10;
    cache.revoke('t1');
    expect(cache.get('t1')).toBeUndefined();
    cache.set('t1', 'claims', startedAt);
    expect(cache.get('t1')).toBeUndefined();
    expect(cache.isRevoked('t1')).toBe(true);
  });

  it('keeps nothing with a zero time to live, and at most its bound of entries', () => {
    expect(
      (() => {
        const cache = new VerificationCache<string>(0, 10, clock);
        cache.set('t1', 'claims', now);
        return cache.get('t1');
      })(),
    ).toBeUndefined();
    const bounded = new VerificationCache<string>(5_000, 2, clock);
    bounded.set('a', '1', now);
    bounded.set('b', '2', now);
    bounded.set('c', '3', now);
    expect([bounded.get('a'), bounded.get('b'), bounded.get('c')]).toEqual([undefined, '2', '3']);
  });
});
