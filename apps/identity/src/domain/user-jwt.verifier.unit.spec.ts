import { SignJWT, type JWTPayload } from 'jose';
import type { IdentityKey } from './identity-key-ring';
import { at, newKey, oldKey, ring } from './identity-key-ring.spec-kit';
import { verifyUserJwt } from './user-jwt.verifier';

const NOW = at('2026-11-25T10:00:00Z');
const nowSeconds = NOW.getTime() / 1000;

interface TokenOptions {
  key?: IdentityKey;
  alg?: string;
  kid?: string | null;
  exp?: number | null;
}

function aUserJwt(claims: JWTPayload = { user_id: '12345' }, options: TokenOptions = {}) {
  const key = options.key ?? newKey;
  const kid = options.kid === undefined ? key.keyId : options.kid;
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'HS256', ...(kid !== null && { kid }) })
    .setIssuedAt(nowSeconds - 5);
  const exp = options.exp === undefined ? nowSeconds + 300 : options.exp;
  if (exp !== null) jwt.setExpirationTime(exp);
  return jwt.sign(new TextEncoder().encode(key.secret));
}

const INVALID = { ok: false, reason: 'user-jwt-invalid' };

describe('user_jwt verification (S7)', () => {
  it('given a valid HS256 JWT for the user_id, then it verifies and names the key from kid', async () => {
    await expect(verifyUserJwt('12345', await aUserJwt(), ring, NOW)).resolves.toEqual({
      ok: true,
      proof: 'user_jwt',
      verifiedBy: 'key-new',
      signedProfile: {},
    });
  });

  it('given a numeric user_id claim, then it matches the decimal user_id', async () => {
    const token = await aUserJwt({ user_id: 12345 });

    await expect(verifyUserJwt('12345', token, ring, NOW)).resolves.toMatchObject({ ok: true });
  });

  it('given only a sub claim, then sub is the user_id', async () => {
    const token = await aUserJwt({ sub: '12345' });

    await expect(verifyUserJwt('12345', token, ring, NOW)).resolves.toMatchObject({ ok: true });
  });

  it('given signed profile attributes, then they come back as the signed profile', async () => {
    const token = await aUserJwt({
      user_id: '12345',
      email: 'ann@example.com',
      name: 'Ann',
      role: 'x',
    });

    await expect(verifyUserJwt('12345', token, ring, NOW)).resolves.toMatchObject({
      ok: true,
      signedProfile: { email: 'ann@example.com', name: 'Ann' },
    });
  });

  it('given a signed attribute that breaks the profile bounds, then the JWT is invalid', async () => {
    const token = await aUserJwt({ user_id: '12345', email: 'not-an-email' });

    await expect(verifyUserJwt('12345', token, ring, NOW)).resolves.toEqual(INVALID);
  });

  it('given a JWT for another user, then it is invalid', async () => {
    const token = await aUserJwt({ user_id: '99999' });

    await expect(verifyUserJwt('12345', token, ring, NOW)).resolves.toEqual(INVALID);
  });

  it('given a user_id claim that differs from sub, then user_id decides', async () => {
    const token = await aUserJwt({ user_id: '99999', sub: '12345' });

    await expect(verifyUserJwt('12345', token, ring, NOW)).resolves.toEqual(INVALID);
  });

  it('given an expired JWT, then it is invalid', async () => {
    const token = await aUserJwt(undefined, { exp: nowSeconds - 120 });

    await expect(verifyUserJwt('12345', token, ring, NOW)).resolves.toEqual(INVALID);
  });

  it('given a JWT expired within the clock skew allowance, then it still verifies', async () => {
    const token = await aUserJwt(undefined, { exp: nowSeconds - 10 });

    await expect(verifyUserJwt('12345', token, ring, NOW)).resolves.toMatchObject({ ok: true });
    await expect(
      verifyUserJwt('12345', token, ring, NOW, { clockSkewSeconds: 0 }),
    ).resolves.toEqual(INVALID);
  });

  it('given a JWT without exp, then it is invalid', async () => {
    const token = await aUserJwt(undefined, { exp: null });

    await expect(verifyUserJwt('12345', token, ring, NOW)).resolves.toEqual(INVALID);
  });

  it('given a JWT signed with HS512 by the right secret, then the algorithm is refused', async () => {
    const token = await aUserJwt(undefined, { alg: 'HS512' });

    await expect(verifyUserJwt('12345', token, ring, NOW)).resolves.toEqual(INVALID);
  });

  it('given an unsigned JWT (alg none), then it is refused', async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const token = `${encode({ alg: 'none' })}.${encode({ user_id: '12345', exp: nowSeconds + 60 })}.`;

    await expect(verifyUserJwt('12345', token, ring, NOW)).resolves.toEqual(INVALID);
  });

  it.each(['', 'not-a-jwt', 'a.b.c', 'x'.repeat(9000)])(
    'given the malformed token %#, then it is invalid',
    async (token) => {
      await expect(verifyUserJwt('12345', token, ring, NOW)).resolves.toEqual(INVALID);
    },
  );

  it('given a JWT signed with a secret not on the ring, then it is invalid', async () => {
    const stranger = { ...newKey, secret: 'stranger-secret-of-32-bytes-long' };

    await expect(
      verifyUserJwt('12345', await aUserJwt(undefined, { key: stranger }), ring, NOW),
    ).resolves.toEqual(INVALID);
  });

  describe('key selection and rotation', () => {
    it('given no kid, then every usable key is tried and the one that verified is named', async () => {
      const token = await aUserJwt(undefined, { key: oldKey, kid: null });

      await expect(verifyUserJwt('12345', token, ring, NOW)).resolves.toMatchObject({
        ok: true,
        verifiedBy: 'key-old',
      });
    });

    it('given a kid that names another key than the signer, then it is invalid', async () => {
      const token = await aUserJwt(undefined, { key: oldKey, kid: 'key-new' });

      await expect(verifyUserJwt('12345', token, ring, NOW)).resolves.toEqual(INVALID);
    });

    it('given an unknown kid, then it is invalid', async () => {
      const token = await aUserJwt(undefined, { kid: 'key-unknown' });

      await expect(verifyUserJwt('12345', token, ring, NOW)).resolves.toEqual(INVALID);
    });

    it('given the overlap window, then tokens of the old and of the new key both verify', async () => {
      await expect(
        verifyUserJwt('12345', await aUserJwt(undefined, { key: oldKey }), ring, NOW),
      ).resolves.toMatchObject({ ok: true, verifiedBy: 'key-old' });
      await expect(
        verifyUserJwt('12345', await aUserJwt(undefined, { key: newKey }), ring, NOW),
      ).resolves.toMatchObject({ ok: true, verifiedBy: 'key-new' });
    });

    it('given the old key has retired, then its tokens are refused', async () => {
      const after = at('2026-11-30T00:00:01Z');
      const token = await new SignJWT({ user_id: '12345' })
        .setProtectedHeader({ alg: 'HS256', kid: 'key-old' })
        .setExpirationTime(after.getTime() / 1000 + 60)
        .sign(new TextEncoder().encode(oldKey.secret));

      await expect(verifyUserJwt('12345', token, ring, after)).resolves.toEqual(INVALID);
    });
  });
});
