import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { SecretHasher } from '../../application/tenancy/ports/secret-hasher.port';

/** Parameters of new hashes; old hashes keep theirs, since every hash carries its own. */
export const defaultScryptParams = { N: 16_384, r: 8, p: 1, keyLength: 32, saltLength: 16 };

// Bounds on what a stored hash may ask for, so a tampered hash cannot make us burn memory.
const MAX_N = 1 << 20;

function derive(secret: string, salt: Buffer, keyLength: number, options: ScryptOptions) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(secret.normalize('NFC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

function memoryFor(N: number, r: number): number {
  return 128 * N * r * 2 + 1024 * 1024;
}

/** `scrypt$N$r$p$<salt>$<hash>`, salt and hash in unpadded base64url. */
export async function hashSecret(
  secret: string,
  params: typeof defaultScryptParams = defaultScryptParams,
): Promise<string> {
  const salt = randomBytes(params.saltLength);
  const { N, r, p } = params;
  const key = await derive(secret, salt, params.keyLength, { N, r, p, maxmem: memoryFor(N, r) });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parseHash(encoded: string): ParsedHash | null {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((v) => (/^\d{1,8}$/.test(v ?? '') ? Number(v) : NaN));
  if (N === undefined || r === undefined || p === undefined) return null;
  if (!(N >= 2 && N <= MAX_N && (N & (N - 1)) === 0)) return null;
  if (!(r >= 1 && r <= 32 && p >= 1 && p <= 16)) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const key = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length < 8 || key.length < 16 || key.length > 64) return null;
  return { N, r, p, salt, key };
}

/**
 * True when `secret` matches a hash made by {@link hashSecret}. The comparison is constant-time;
 * a malformed hash is false, not an error.
 */
export async function verifySecret(secret: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (!parsed) return false;
  const { N, r, p } = parsed;
  const candidate = await derive(secret, parsed.salt, parsed.key.length, {
    N,
    r,
    p,
    maxmem: memoryFor(N, r),
  });
  return timingSafeEqual(candidate, parsed.key);
}

/** S1: does the `applicationSecret` a widget sent match the application's stored hash? */
export function verifyApplicationSecret(secret: string, applicationSecretHash: string) {
  return verifySecret(secret, applicationSecretHash);
}

/**
 * Every widget init presents its application's secret, and scrypt costs ~30 ms of CPU on purpose:
 * verified pairs are remembered (as a SHA-256 of hash and secret, never the secret) so a returning
 * init costs a hash, not a key derivation. Only successes are kept; a wrong guess always pays.
 */
export class ScryptSecretHasher implements SecretHasher {
  private readonly verified = new Set<string>();

  constructor(
    private readonly maxRemembered = 10_000,
    private readonly derive: (secret: string, hash: string) => Promise<boolean> = verifySecret,
  ) {}

  hash(secret: string): Promise<string> {
    return hashSecret(secret);
  }

  async verify(secret: string, hash: string): Promise<boolean> {
    const pair = createHash('sha256').update(hash).update('\0').update(secret).digest('base64url');
    if (this.verified.has(pair)) return true;
    const matches = await this.derive(secret, hash);
    if (matches) {
      if (this.verified.size >= this.maxRemembered) {
        const oldest = this.verified.values().next().value;
        if (oldest !== undefined) this.verified.delete(oldest);
      }
      this.verified.add(pair);
    }
    return matches;
  }
}
