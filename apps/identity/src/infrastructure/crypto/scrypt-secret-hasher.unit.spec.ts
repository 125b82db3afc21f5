import {
  ScryptSecretHasher,
  hashSecret,
  verifyApplicationSecret,
  verifySecret,
} from './scrypt-secret-hasher';

describe('scrypt secret hashing', () => {
  it('given a hashed secret, when the same secret is verified, then it matches; another does not', async () => {
    const hash = await hashSecret('s3cret-application-secret');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toContain('s3cret');
    await expect(verifyApplicationSecret('s3cret-application-secret', hash)).resolves.toBe(true);
    await expect(verifyApplicationSecret('s3cret-application-secreT', hash)).resolves.toBe(false);
    await expect(verifyApplicationSecret('', hash)).resolves.toBe(false);
  });

  it('salts every hash: the same secret hashes differently, and both verify', async () => {
    const [a, b] = await Promise.all([hashSecret('same'), hashSecret('same')]);
    expect(a).not.toBe(b);
    await expect(verifySecret('same', a)).resolves.toBe(true);
    await expect(verifySecret('same', b)).resolves.toBe(true);
  });

  it.each([
    ['not a hash', 'plain'],
    ['another algorithm', 'bcrypt$10$abc'],
    ['N not a power of two', 'scrypt$1000$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA'],
    ['N too large (memory)', `scrypt$${2 ** 24}$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA`],
    ['short hash', 'scrypt$16384$8$1$c2FsdHNhbHQ$aGFzaA'],
  ])(
    'given a malformed stored hash (%s), then verification is false, not an error',
    async (_, hash) => {
      await expect(verifySecret('anything', hash)).resolves.toBe(false);
    },
  );

  it('given a verified secret, when it is verified again, then the remembered pair answers without scrypt; a wrong one always pays', async () => {
    let derivations = 0;
    const hasher = new ScryptSecretHasher(2, (secret, hash) => {
      derivations += 1;
      return verifySecret(secret, hash);
    });
    const hash = await hashSecret('returning-widget-secret');
    await expect(hasher.verify('returning-widget-secret', hash)).resolves.toBe(true);
    await expect(hasher.verify('returning-widget-secret', hash)).resolves.toBe(true);
    expect(derivations).toBe(1);
    await expect(hasher.verify('returning-widget-secreT', hash)).resolves.toBe(false);
    await expect(hasher.verify('returning-widget-secreT', hash)).resolves.toBe(false);
    expect(derivations).toBe(3);
  });

  it('given more verified pairs than it remembers, then the oldest is forgotten and derived again', async () => {
    let derivations = 0;
    const hasher = new ScryptSecretHasher(1, (secret, hash) => {
      derivations += 1;
      return verifySecret(secret, hash);
    });
    const [a, b] = await Promise.all([hashSecret('a-secret'), hashSecret('b-secret')]);
    await hasher.verify('a-secret', a);
    await hasher.verify('b-secret', b);
    await expect(hasher.verify('a-secret', a)).resolves.toBe(true);
    expect(derivations).toBe(3);
  });
});
