import type { AgentClaims } from '../../application/agents/agent-tokens.port';
import { HmacSessionTokens } from '../sessions/hmac-session-tokens';
import { parseSessionKeyRing, type SessionKeyRing } from '../sessions/session-key-ring';
import { HmacAgentTokens } from './hmac-agent-tokens';

const ring = (value: string): SessionKeyRing => {
  const parsed = parseSessionKeyRing(value);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};
const k1 = `k1:${'a'.repeat(32)}`;
const now = new Date('2026-11-23T10:00:00.000Z');
const anAgent = (overrides: Partial<AgentClaims> = {}): AgentClaims => ({
  agentId: 'agent-1',
  organizationDomain: 'acme.example',
  email: 'ann@acme.example',
  name: 'Ann',
  expiresAt: new Date('2026-11-23T22:00:00.000Z'),
  ...overrides,
});

describe('HMAC agent tokens', () => {
  const tokens = new HmacAgentTokens(ring(k1));
  const sessions = new HmacSessionTokens(ring(k1));

  it('given a signed token, when checked before expiry, then its claims and key come back', () => {
    const token = tokens.sign(anAgent());
    expect(token).toMatch(/^a1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(tokens.check(token, now)).toEqual({ ok: true, keyId: 'k1', claims: anAgent() });
  });

  it('given an expired token, then it is expired', () => {
    expect(tokens.check(tokens.sign(anAgent({ expiresAt: now })), now)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('given a tampered organization, then the signature is bad', () => {
    const [kind, payload, sig] = tokens.sign(anAgent()).split('.') as [string, string, string];
    const forged = Buffer.from(
      Buffer.from(payload, 'base64url').toString('utf8').replace('acme.example', 'evil.example'),
    ).toString('base64url');
    expect(tokens.check(`${kind}.${forged}.${sig}`, now)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('given a device session token under the same key, then it is no agent token, and the other way round', () => {
    const deviceToken = sessions.sign({
      sessionId: 's1',
      applicationId: 'app-1',
      subject: { kind: 'user', id: 'u1' },
      deviceId: 'd1',
      expiresAt: new Date('2026-12-01T00:00:00.000Z'),
    });
    expect(tokens.check(deviceToken, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(tokens.check(deviceToken.replace(/^v1\./, 'a1.'), now)).toMatchObject({ ok: false });
    const agentToken = tokens.sign(anAgent());
    expect(sessions.check(agentToken, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(sessions.check(agentToken.replace(/^a1\./, 'v1.'), now)).toMatchObject({ ok: false });
  });

  it.each([
    ['empty', ''],
    ['wrong kind', 'v1.e30.abc'],
    ['not base64url', 'a1.e30=.abc'],
    ['payload of the wrong shape', `a1.${Buffer.from('{"aid":1}').toString('base64url')}.abc`],
    ['too long', `a1.${'a'.repeat(3000)}.abc`],
  ])('given a %s token, then it is malformed', (_name, token) => {
    expect(tokens.check(token, now)).toEqual({ ok: false, reason: 'malformed' });
  });
});
