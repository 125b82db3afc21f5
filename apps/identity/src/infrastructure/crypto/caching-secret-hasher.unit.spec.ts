import type { SecretHasher } from '../../application/tenancy/ports/secret-hasher.port';
import { CachingSecretHasher } from './caching-secret-hasher';

/** Counts the expensive verifications; the hash is `h(<secret>)`, so equality is the check. */
function countingHasher() {
  const calls = { verify: 0 };
  const hasher: SecretHasher = {
    hash: async (secret) => `h(${secret})`,
    verify: async (secret, hash) => {
      calls.verify++;
      return hash === `h(${secret})`;
    },
  };
  return { hasher, calls };
}

describe('caching secret hasher', () => {
  it('given a secret verified once, when it is presented again, then the slow hash is not run again', async () => {
    const { hasher, calls } = countingHasher();
    const cache = new CachingSecretHasher(hasher);

    expect(await cache.verify('s3cret', 'h(s3cret)')).toBe(true);
    expect(await cache.verify('s3cret', 'h(s3cret)')).toBe(true);

    expect(calls.verify).toBe(1);
  });

  it('given a verified secret, when a wrong one is presented for the same hash, then it is refused by the slow hash', async () => {
    const { hasher, calls } = countingHasher();
    const cache = new CachingSecretHasher(hasher);
    await cache.verify('s3cret', 'h(s3cret)');

    expect(await cache.verify('guess', 'h(s3cret)')).toBe(false);
    expect(await cache.verify('guess', 'h(s3cret)')).toBe(false);

    expect(calls.verify).toBe(3);
  });

  it('given a rotated secret, when the old one is presented against the new hash, then it is refused', async () => {
    const { hasher } = countingHasher();
    const cache = new CachingSecretHasher(hasher);
    await cache.verify('old', 'h(old)');

    expect(await cache.verify('old', 'h(new)')).toBe(false);
    expect(await cache.verify('new', 'h(new)')).toBe(true);
  });

  it('given more hashes than the bound, when the oldest is presented again, then it is verified the slow way', async () => {
    const { hasher, calls } = countingHasher();
    const cache = new CachingSecretHasher(hasher, 2);
    await cache.verify('a', 'h(a)');
    await cache.verify('b', 'h(b)');
    await cache.verify('c', 'h(c)');
    calls.verify = 0;

    await cache.verify('c', 'h(c)');
    await cache.verify('a', 'h(a)');

    expect(calls.verify).toBe(1);
  });
});
