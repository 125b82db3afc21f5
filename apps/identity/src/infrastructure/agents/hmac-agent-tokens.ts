import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type {
  AgentClaims,
  AgentTokenCheck,
  AgentTokens,
} from '../../application/agents/agent-tokens.port';
import type { SessionKeyRing } from '../sessions/session-key-ring';

/**
 * The token kind is the first part and is covered by the signature, so a device session token
 * (`v1.`) can neither pass as an agent token nor be re-labelled into one.
 */
const prefix = 'a1';
const maxTokenLength = 2_048;
const base64url = /^[A-Za-z0-9_-]+$/;

const Payload = z.strictObject({
  aid: z.string().min(1).max(128),
  org: z.string().min(1).max(128),
  eml: z.string().min(1).max(254),
  nam: z.string().min(1).max(255),
  exp: z.number().int().positive(),
  kid: z.string().min(1).max(32),
});
type Payload = z.infer<typeof Payload>;

/** Agent tokens `a1.<payload>.<signature>`, HMAC-SHA256 under the device session key ring. */
export class HmacAgentTokens implements AgentTokens {
  constructor(private readonly keys: SessionKeyRing) {}

  sign(claims: AgentClaims): string {
    const key = this.keys.current;
    const payload: Payload = {
      aid: claims.agentId,
      org: claims.organizationDomain,
      eml: claims.email,
      nam: claims.name,
      exp: Math.floor(claims.expiresAt.getTime() / 1000),
      kid: key.id,
    };
    const body = `${prefix}.${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
    return `${body}.${signature(key.secret, body).toString('base64url')}`;
  }

  check(token: string, now: Date): AgentTokenCheck {
    if (typeof token !== 'string' || token.length > maxTokenLength) {
      return { ok: false, reason: 'malformed' };
    }
    const parts = token.split('.');
    const [kind, encoded, sig] = parts;
    if (parts.length !== 3 || kind !== prefix || !encoded || !sig) {
      return { ok: false, reason: 'malformed' };
    }
    if (!base64url.test(encoded) || !base64url.test(sig)) return { ok: false, reason: 'malformed' };
    const payload = decodePayload(encoded);
    if (!payload) return { ok: false, reason: 'malformed' };
    const key = this.keys.byId.get(payload.kid);
    if (!key) return { ok: false, reason: 'bad-signature' };
    const expected = signature(key.secret, `${kind}.${encoded}`);
    const presented = Buffer.from(sig, 'base64url');
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
      return { ok: false, reason: 'bad-signature' };
    }
    if (payload.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
    return {
      ok: true,
      keyId: key.id,
      claims: {
        agentId: payload.aid,
        organizationDomain: payload.org,
        email: payload.eml,
        name: payload.nam,
        expiresAt: new Date(payload.exp * 1000),
      },
    };
  }
}

function signature(secret: Buffer, body: string): Buffer {
  return createHmac('sha256', secret).update(body, 'utf8').digest();
}

function decodePayload(encoded: string): Payload | null {
  try {
    const parsed = Payload.safeParse(
      JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
