import { z } from 'zod';
import { HmacTokenCodec, signedFields } from './hmac-token-codec';
import { parseSessionKeyRing, type SessionKeyRing } from './session-key-ring';

const ring = (value: string): SessionKeyRing => {
  const parsed = parseSessionKeyRing(value);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};
const k1 = `k1:${'a'.repeat(32)}`;
const k2 = `k2:${'b'.repeat(32)}`;
const now = new Date('2026-11-23T10:00:00.000Z');
const later = new Date('2026-11-24T10:00:00.000Z');

const Payload = z.strictObject({ who: z.string().min(1), ...signedFields });
const codec = (kind: string, keys = k1) => new HmacTokenCodec(kind, Payload, ring(keys));

describe('HMAC token codec', () => {
  it('given a signed payload, when checked before expiry, then it comes back with its key and expiry', () => {
    const token = codec('t1').sign({ who: 'ann' }, later);
    expect(token).toMatch(/^t1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(codec('t1').check(token, now)).toEqual({
      ok: true,
      keyId: 'k1',
      expiresAt: later,
      payload: { who: 'ann', exp: later.getTime() / 1000, kid: 'k1' },
    });
  });

  it('keeps the token format: payload fields in order, then exp in seconds and kid, signed with the kind', () => {
    const agentLike = new HmacTokenCodec('a1', z.any(), ring(`${k2},${k1}`));
    expect(
      agentLike.sign(
        { aid: 'agent-1', org: 'acme.example', eml: 'ann@acme.example', nam: 'Ann' },
        new Date('2026-11-23T22:00:00.500Z'),
      ),
    ).toBe(
      'a1.eyJhaWQiOiJhZ2VudC0xIiwib3JnIjoiYWNtZS5leGFtcGxlIiwiZW1sIjoiYW5uQGFjbWUuZXhhbXBsZSIsIm5hbSI6IkFubiIsImV4cCI6MTc5NTQ3MTIwMCwia2lkIjoiazIifQ' +
        '.XzKA2PnwnY9MrofdLpZ86VR_D1YutxIAX9kv5mE1puY',
    );
    const sessionLike = new HmacTokenCodec('v1', z.any(), ring(`${k2},${k1}`));
    expect(
      sessionLike.sign(
        { sid: 's1', app: 'app-1', sub: { k: 'user', id: 'user-ü/42' }, dev: 'dev-1' },
        new Date('2026-12-23T10:00:00.000Z'),
      ),
    ).toBe(
      'v1.eyJzaWQiOiJzMSIsImFwcCI6ImFwcC0xIiwic3ViIjp7ImsiOiJ1c2VyIiwiaWQiOiJ1c2VyLcO8LzQyIn0sImRldiI6ImRldi0xIiwiZXhwIjoxNzk4MDIwMDAwLCJraWQiOiJrMiJ9' +
        '.IeA9T4JWoNp94JdhfOML0dwxnX_471fWKDpcjTEWAk0',
    );
  });

  it('given a token at or past its expiry, then it is expired', () => {
    expect(codec('t1').check(codec('t1').sign({ who: 'ann' }, now), now)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('given a token of another kind under the same key, then it is malformed, and relabelled it is forged', () => {
    const other = codec('t2').sign({ who: 'ann' }, later);
    expect(codec('t1').check(other, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(codec('t1').check(other.replace(/^t2\./, 't1.'), now)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('given an unknown key id or another secret under the same id, then the signature is bad', () => {
    const token = codec('t1').sign({ who: 'ann' }, later);
    expect(codec('t1', k2).check(token, now)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(codec('t1', `k1:${'z'.repeat(32)}`).check(token, now)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it.each([
    ['empty', ''],
    ['four parts', 't1.e30.abc.def'],
    ['not base64url', 't1.e30=.abc'],
    ['payload not JSON', `t1.${Buffer.from('{oops').toString('base64url')}.abc`],
    ['payload of the wrong shape', `t1.${Buffer.from('{"who":1}').toString('base64url')}.abc`],
    ['too long', `t1.${'a'.repeat(3000)}.abc`],
  ])('given a %s token, then it is malformed', (_name, token) => {
    expect(codec('t1').check(token, now)).toEqual({ ok: false, reason: 'malformed' });
  });
});
