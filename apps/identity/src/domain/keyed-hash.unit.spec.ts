import { InvalidIdentityInputError } from './identity.errors';
import { isKeyedHash, keyedHash, keyedHashEquals } from './keyed-hash';

const PEPPER = 'pepper-of-at-least-32-bytes-0001';

describe('keyed hash of a security_hash (S6)', () => {
  it('given a value, when keyed, then it is HMAC-SHA256 hex under a prefix and not the value itself', () => {
    const hashed = keyedHash(PEPPER, 'password-hash-of-ann');

    expect(hashed).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(hashed).not.toContain('password-hash-of-ann');
    expect(isKeyedHash(hashed)).toBe(true);
  });

  it('given the same value and pepper, then the keyed hashes are equal; a different pepper or value differs', () => {
    const a = keyedHash(PEPPER, 'value');

    expect(keyedHashEquals(a, keyedHash(PEPPER, 'value'))).toBe(true);
    expect(keyedHashEquals(a, keyedHash(PEPPER, 'value '))).toBe(false);
    expect(keyedHashEquals(a, keyedHash(`${PEPPER}x`, 'value'))).toBe(false);
  });

  it('given values of different length, when compared, then they differ without throwing', () => {
    const a = keyedHash(PEPPER, 'value');

    expect(keyedHashEquals(a, 'hmac-sha256:00' as typeof a)).toBe(false);
  });

  it('given a value of exactly 1024 characters, then it is keyed; 1025 or empty is refused naming the field', () => {
    expect(isKeyedHash(keyedHash(PEPPER, 'é'.repeat(1024)))).toBe(true);
    expect(() => keyedHash(PEPPER, 'x'.repeat(1025))).toThrow(InvalidIdentityInputError);
    expect(() => keyedHash(PEPPER, '')).toThrow(/^user\.security_hash: /);
  });

  it('given a short pepper, then it refuses to key anything', () => {
    expect(() => keyedHash('short', 'value')).toThrow(RangeError);
  });
});
