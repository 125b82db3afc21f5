import { at, newKey, oldKey, ring } from './identity-key-ring.spec-kit';
import { userHashOf, verifyUserHash } from './user-hash.verifier';

const OVERLAP = at('2026-11-25T00:00:00Z');

describe('user_hash verification (S7)', () => {
  it('given the hex HMAC-SHA256 of the user_id under the current key, then it verifies and names the key', () => {
    const userHash = userHashOf(newKey.secret, '12345');

    expect(verifyUserHash('12345', userHash, ring, OVERLAP)).toEqual({
      ok: true,
      proof: 'user_hash',
      verifiedBy: 'key-new',
      signedProfile: {},
    });
  });

  it('given upper-case hex, then it verifies too', () => {
    const userHash = userHashOf(newKey.secret, '12345').toUpperCase();

    expect(verifyUserHash('12345', userHash, ring, OVERLAP)).toMatchObject({ ok: true });
  });

  it('given a hash of another user_id, then it is invalid', () => {
    expect(verifyUserHash('12345', userHashOf(newKey.secret, '12346'), ring, OVERLAP)).toEqual({
      ok: false,
      reason: 'user-hash-invalid',
    });
  });

  it.each(['', 'zz', 'a'.repeat(63), 'a'.repeat(65)])(
    'given the malformed hash %p, then it is invalid',
    (bad) => {
      expect(verifyUserHash('12345', bad, ring, OVERLAP)).toEqual({
        ok: false,
        reason: 'user-hash-invalid',
      });
    },
  );

  describe('rotation', () => {
    const byOld = userHashOf(oldKey.secret, '12345');
    const byNew = userHashOf(newKey.secret, '12345');

    it('given the overlap window, then old and new both verify, each recording its key', () => {
      expect(verifyUserHash('12345', byOld, ring, OVERLAP)).toMatchObject({
        ok: true,
        verifiedBy: 'key-old',
      });
      expect(verifyUserHash('12345', byNew, ring, OVERLAP)).toMatchObject({
        ok: true,
        verifiedBy: 'key-new',
      });
    });

    it('given the window has closed, then the old key refuses and the new one verifies', () => {
      const after = at('2026-11-30T00:00:00Z');

      expect(verifyUserHash('12345', byOld, ring, after)).toEqual({
        ok: false,
        reason: 'user-hash-invalid',
      });
      expect(verifyUserHash('12345', byNew, ring, after)).toMatchObject({
        ok: true,
        verifiedBy: 'key-new',
      });
    });

    it('given a time before the new key is active, then it refuses', () => {
      expect(verifyUserHash('12345', byNew, ring, at('2026-11-01T00:00:00Z'))).toMatchObject({
        ok: false,
      });
    });
  });
});
