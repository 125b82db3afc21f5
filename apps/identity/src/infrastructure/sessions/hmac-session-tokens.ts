import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type {
  SessionClaims,
  SessionTokens,
  TokenCheck,
} from '../../application/sessions/session-tokens.port';
import type { SessionKeyRing } from './session-key-ring';

const prefix = 'v1';
const maxTokenLength = 2_048;

/** The signed payload, with short names to keep tokens small; `exp` is in seconds. */
const Payload = z.strictObject({
  sid: z.string().min(1).max(128),
  app: z.string().min(1).max(128),
  sub: z.strictObject({ k: z.enum(['user', 'visitor']), id: z.string().min(1).max(255) }),
  dev: z.string().min(1).max(128),
  exp: z.number().int().positive(),
  kid: z.string().min(1).max(32),
});
type Payload = z.infer<typeof Payload>;

const base64url = /^[A-Za-z0-9_-]+$/;

/**
 * Device session tokens `v1.<payload>.<signature>`: base64url JSON and base64url
 * HMAC-SHA256(key, `v1.<payload>`). The payload names the key (`kid`), so keys rotate.
 */
export class HmacSessionTokens implements SessionTokens {
  constructor(private readonly keys: SessionKeyRing) {}

  sign(claims: SessionClaims): string {
    const key = this.keys.current;
    const payload: Payload = {
      sid: claims.sessionId,
      app: claims.applicationId,
      sub: { k: claims.subject.kind, id: claims.subject.id },
      dev: claims.deviceId,
      exp: Math.floor(claims.expiresAt.getTime() / 1000),
      kid: key.id,
    };
    const body = `${prefix}.${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
    return `${body}.${signature(key.secret, body).toString('base64url')}`;
  }

  check(token: string, now: Date): TokenCheck {
    if (typeof token !== 'string' || token.length > maxTokenLength) {
      return { ok: false, reason: 'malformed' };
    }
    const parts = token.split('.');
    const [version, encoded, sig] = parts;
    if (parts.length !== 3 || version !== prefix || !encoded || !sig) {
      return { ok: false, reason: 'malformed' };
    }
    if (!base64url.test(encoded) || !base64url.test(sig)) return { ok: false, reason: 'malformed' };
    const payload = decodePayload(encoded);
    if (!payload) return { ok: false, reason: 'malformed' };
    const key = this.keys.byId.get(payload.kid);
    if (!key) return { ok: false, reason: 'bad-signature' };
    const expected = signature(key.secret, `${version}.${encoded}`);
    const presented = Buffer.from(sig, 'base64url');
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
      return { ok: false, reason: 'bad-signature' };
    }
    if (payload.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
    return {
      ok: true,
      keyId: key.id,
      claims: {
        sessionId: payload.sid,
        applicationId: payload.app,
        subject: { kind: payload.sub.k, id: payload.sub.id },
        deviceId: payload.dev,
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
