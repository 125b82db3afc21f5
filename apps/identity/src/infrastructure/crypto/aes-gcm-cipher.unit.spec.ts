import { randomBytes } from 'node:crypto';
import { AesGcmCipher } from './aes-gcm-cipher';
import { decodeMasterKey, resolveMasterKey } from './master-key';

describe('AES-256-GCM sealing of identity secrets', () => {
  const cipher = new AesGcmCipher(randomBytes(32));

  it('given a sealed secret, when opened with the same record id, then the secret comes back', () => {
    const sealed = cipher.seal('identity-secret', '123456/key_1');
    expect(JSON.stringify(sealed)).not.toContain('identity-secret');
    expect(cipher.open(sealed, '123456/key_1')).toBe('identity-secret');
  });

  it('refuses a ciphertext moved to another record, altered, or sealed under another master key', () => {
    const sealed = cipher.seal('identity-secret', '123456/key_1');
    expect(() => cipher.open(sealed, '999999/key_1')).toThrow();
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() =>
      cipher.open({ ...sealed, ciphertext: flipped.toString('base64') }, '123456/key_1'),
    ).toThrow();
    expect(() => new AesGcmCipher(randomBytes(32)).open(sealed, '123456/key_1')).toThrow(
      /master key/,
    );
  });

  it('reads a master key as 64 hex digits or base64 of 32 bytes, nothing else', () => {
    const key = randomBytes(32);
    expect(decodeMasterKey(key.toString('hex'))).toEqual(key);
    expect(decodeMasterKey(key.toString('base64'))).toEqual(key);
    expect(decodeMasterKey(key.toString('base64url'))).toEqual(key);
    expect(decodeMasterKey('too-short')).toBeNull();
    expect(decodeMasterKey(randomBytes(16).toString('hex'))).toBeNull();
    expect(resolveMasterKey(undefined).source).toBe('development-default');
    expect(resolveMasterKey(key.toString('hex'))).toEqual({ key, source: 'environment' });
  });
});
