import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidIdentityInputError } from './identity.errors';

/** S6: a `security_hash` is any string up to 1024 characters. */
export const MAX_SECURITY_HASH_LENGTH = 1024;
/** The server pepper must be long enough that the keyed hash cannot be brute-forced offline. */
export const MIN_PEPPER_BYTES = 32;

const PREFIX = 'hmac-sha256:';

declare const keyedHashBrand: unique symbol;
/** `hmac-sha256:<64 hex>`: the only form in which a `security_hash` is stored or compared. */
export type KeyedHash = string & { readonly [keyedHashBrand]: true };

/**
 * Keys a presented `security_hash` with the server pepper (HMAC-SHA256, hex), so a leaked event
 * log reveals no customer's hash and cannot be used to replay one.
 */
export function keyedHash(pepper: string | Buffer, securityHash: string): KeyedHash {
  if (Buffer.byteLength(pepper) < MIN_PEPPER_BYTES) {
    throw new RangeError(`the security-hash pepper must have at least ${MIN_PEPPER_BYTES} bytes`);
  }
  if (securityHash.length === 0 || securityHash.length > MAX_SECURITY_HASH_LENGTH) {
    throw new InvalidIdentityInputError(
      'user.security_hash',
      `must be 1 to ${MAX_SECURITY_HASH_LENGTH} characters`,
    );
  }
  const digest = createHmac('sha256', pepper).update(securityHash, 'utf8').digest('hex');
  return `${PREFIX}${digest}` as KeyedHash;
}

/** Whether a stored value has the keyed-hash form (a stream written by us always does). */
export function isKeyedHash(value: string): value is KeyedHash {
  return /^hmac-sha256:[0-9a-f]{64}$/.test(value);
}

/** Constant-time comparison of two keyed hashes; only their (public) length may leak. */
export function keyedHashEquals(a: KeyedHash, b: KeyedHash): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
