import { SignJWT } from 'jose';
import type { IdentityKey } from './identity-key-ring';
import { verifySignedIdentity } from './signed-identity.verifier';
import { userHashOf } from './user-hash.verifier';

const NOW = new Date('2026-11-25T10:00:00Z');
const key: IdentityKey = {
  keyId: 'key-1',
  secret: 'secret-of-at-least-thirty-two-b!',
  activeFrom: '2026-01-01T00:00:00Z',
};
const base = { userId: '12345', ring: [key], now: NOW };

describe('signed identity (S7)', () => {
  it('given neither proof, then the user_hash is reported missing by default', async () => {
    await expect(verifySignedIdentity(base)).resolves.toEqual({
      ok: false,
      reason: 'user-hash-missing',
    });
  });

  it('given neither proof where a JWT is expected, then the user_jwt is reported missing', async () => {
    await expect(verifySignedIdentity({ ...base, expectedProof: 'user_jwt' })).resolves.toEqual({
      ok: false,
      reason: 'user-jwt-missing',
    });
  });

  it('given a user_hash, then it is checked', async () => {
    await expect(
      verifySignedIdentity({ ...base, userHash: userHashOf(key.secret, '12345') }),
    ).resolves.toMatchObject({ ok: true, proof: 'user_hash', verifiedBy: 'key-1' });
    await expect(verifySignedIdentity({ ...base, userHash: 'ab'.repeat(32) })).resolves.toEqual({
      ok: false,
      reason: 'user-hash-invalid',
    });
  });

  it('given a user_jwt and a user_hash, then the JWT is the one checked', async () => {
    const userJwt = await new SignJWT({ user_id: '12345', name: 'Ann' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(NOW.getTime() / 1000 + 60)
      .sign(new TextEncoder().encode(key.secret));

    await expect(
      verifySignedIdentity({ ...base, userJwt, userHash: 'ab'.repeat(32) }),
    ).resolves.toMatchObject({ ok: true, proof: 'user_jwt', signedProfile: { name: 'Ann' } });
  });
});
