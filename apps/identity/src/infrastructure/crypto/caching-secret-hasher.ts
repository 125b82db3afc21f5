import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SecretHasher } from '../../application/tenancy/ports/secret-hasher.port';

/**
 * Remembers which secret last verified against each stored hash, as an HMAC under a key that
 * lives only in this process, so a returning widget pays one scrypt per application and process
 * instead of one per init. A wrong secret still pays the full scrypt (brute force stays slow), a
 * rotated secret has a new hash and so no entry, and the memory never holds a secret itself.
 */
export class CachingSecretHasher implements SecretHasher {
  private readonly key = randomBytes(32);
  private readonly verified = new Map<string, Buffer>();

  constructor(
    private readonly inner: SecretHasher,
    private readonly maxEntries = 10_000,
  ) {}

  hash(secret: string): Promise<string> {
    return this.inner.hash(secret);
  }

  async verify(secret: string, hash: string): Promise<boolean> {
    const mac = createHmac('sha256', this.key).update(secret.normalize('NFC'), 'utf8').digest();
    const known = this.verified.get(hash);
    if (known && timingSafeEqual(known, mac)) {
      // Map order is insertion order: re-inserting keeps the recently used entries.
      this.verified.delete(hash);
      this.verified.set(hash, known);
      return true;
    }
    const matches = await this.inner.verify(secret, hash);
    if (matches) this.remember(hash, mac);
    return matches;
  }

  private remember(hash: string, mac: Buffer): void {
    this.verified.delete(hash);
    this.verified.set(hash, mac);
    if (this.verified.size > this.maxEntries) {
      const oldest = this.verified.keys().next().value;
      if (oldest !== undefined) this.verified.delete(oldest);
    }
  }
}
