import type { SessionClaims } from '../../application/sessions/session-tokens.port';
import { HmacSessionTokens } from './hmac-session-tokens';
import {
  parseSessionKeyRing,
  resolveSessionKeyRing,
  type SessionKeyRing,
} from './session-key-ring';

const ring = (value: string): SessionKeyRing => {
  const parsed = parseSessionKeyRing(value);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};
const k1 = `k1:${'a'.repeat(32)}`;
const k2 = `k2:${'b'.repeat(32)}`;
const now = new Date('2026-11-23T10:00:00.000Z');
const aClaims = (overrides: Partial<SessionClaims> = {}): SessionClaims => ({
  sessionId: 's1',
  applicationId: 'app-1',
  subject: { kind: 'user', id: 'user-ü/42' },
  deviceId: 'dev-1',
  expiresAt: new Date('2026-12-23T10:00:00.000Z'),
  ...overrides,
});
const flip = (s: string) => (s.endsWith('A') ? `${s.slice(0, -1)}B` : `${s.slice(0, -1)}A`);

describe('HMAC device session tokens (S8)', () => {
  const tokens = new HmacSessionTokens(ring(k1));

  it('given a signed token, when checked before expiry, then its claims and key come back', () => {
    const token = tokens.sign(aClaims());
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(tokens.check(token, now)).toEqual({ ok: true, keyId: 'k1', claims: aClaims() });
  });

  it('given a token at or past its expiry, then it is expired', () => {
    const token = tokens.sign(aClaims({ expiresAt: now }));
    expect(tokens.check(token, now)).toEqual({ ok: false, reason: 'expired' });
  });

  it('given a tampered payload or signature, then the signature is bad', () => {
    const [v, payload, sig] = tokens.sign(aClaims()).split('.') as [string, string, string];
    const forged = Buffer.from(
      Buffer.from(payload, 'base64url').toString('utf8').replace('"s1"', '"s2"'),
    ).toString('base64url');
    expect(tokens.check(`${v}.${forged}.${sig}`, now)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(tokens.check(`${v}.${payload}.${flip(sig)}`, now)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(tokens.check(`${v}.${payload}.${sig.slice(0, 10)}`, now)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('given a token signed under another secret with the same key id, then the signature is bad', () => {
    const other = new HmacSessionTokens(ring(`k1:${'z'.repeat(32)}`));
    expect(tokens.check(other.sign(aClaims()), now)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it.each([
    ['empty', ''],
    ['no parts', 'garbage'],
    ['wrong version', 'v2.e30.abc'],
    ['not base64url', 'v1.e30=.abc'],
    ['payload not JSON', `v1.${Buffer.from('{oops').toString('base64url')}.abc`],
    ['payload of the wrong shape', `v1.${Buffer.from('{"sid":1}').toString('base64url')}.abc`],
    ['too long', `v1.${'a'.repeat(3000)}.abc`],
  ])('given a %s token, then it is malformed', (_name, token) => {
    expect(tokens.check(token, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('given a rotation, when the new key signs, then tokens of both keys verify until the old key leaves the ring', () => {
    const before = tokens.sign(aClaims());
    const rotated = new HmacSessionTokens(ring(`${k2},${k1}`));
    const after = rotated.sign(aClaims());
    expect(rotated.check(before, now)).toMatchObject({ ok: true, keyId: 'k1' });
    expect(rotated.check(after, now)).toMatchObject({ ok: true, keyId: 'k2' });
    const retired = new HmacSessionTokens(ring(k2));
    expect(retired.check(before, now)).toEqual({ ok: false, reason: 'bad-signature' });
  });
});

describe('session key ring', () => {
  it('refuses short secrets, bad ids and duplicates', () => {
    expect(parseSessionKeyRing('k1:short')).toMatch(/at least 32/);
    expect(parseSessionKeyRing('a'.repeat(40))).toMatch(/<keyId>:<secret>/);
    expect(parseSessionKeyRing(`${k1},${k1}`)).toMatch(/twice/);
  });

  it('falls back to the public development key when unset, and says so', () => {
    expect(resolveSessionKeyRing(undefined).source).toBe('development-default');
    expect(resolveSessionKeyRing(k1)).toMatchObject({
      source: 'configured',
      ring: { current: { id: 'k1' } },
    });
  });
});
