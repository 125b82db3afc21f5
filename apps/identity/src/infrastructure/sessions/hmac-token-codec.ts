import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { SessionKeyRing } from './session-key-ring';

const maxTokenLength = 2_048;
const base64url = /^[A-Za-z0-9_-]+$/;

/** What every signed payload ends with: its expiry in seconds and the id of the key that signed. */
export const signedFields = {
  exp: z.number().int().positive(),
  kid: z.string().min(1).max(32),
};
export type SignedFields = z.infer<z.ZodObject<typeof signedFields>>;

export type HmacTokenRejection = 'malformed' | 'bad-signature' | 'expired';

export type HmacTokenCheck<P> =
  | { ok: true; payload: P; keyId: string; expiresAt: Date }
  | { ok: false; reason: HmacTokenRejection };

/**
 * Tokens `<kind>.<payload>.<signature>` under a key ring: base64url JSON and base64url
 * HMAC-SHA256(key, `<kind>.<payload>`). The kind is signed, so one kind never passes as another,
 * and the payload names its key (`kid`), so keys rotate.
 */
export class HmacTokenCodec<P extends SignedFields> {
  constructor(
    private readonly kind: string,
    private readonly schema: z.ZodType<P>,
    private readonly keys: SessionKeyRing,
  ) {}

  /** Signs with the current key; `exp` and `kid` are appended to the payload in that order. */
  sign(payload: Omit<P, keyof SignedFields>, expiresAt: Date): string {
    const key = this.keys.current;
    const signed = { ...payload, exp: Math.floor(expiresAt.getTime() / 1000), kid: key.id };
    const body = `${this.kind}.${Buffer.from(JSON.stringify(signed), 'utf8').toString('base64url')}`;
    return `${body}.${signature(key.secret, body).toString('base64url')}`;
  }

  /** Checks form, key id and signature (constant time), then expiry against `now`. */
  check(token: string, now: Date): HmacTokenCheck<P> {
    if (typeof token !== 'string' || token.length > maxTokenLength) {
      return { ok: false, reason: 'malformed' };
    }
    const parts = token.split('.');
    const [kind, encoded, sig] = parts;
    if (parts.length !== 3 || kind !== this.kind || !encoded || !sig) {
      return { ok: false, reason: 'malformed' };
    }
    if (!base64url.test(encoded) || !base64url.test(sig)) return { ok: false, reason: 'malformed' };
    const payload = this.decode(encoded);
    if (!payload) return { ok: false, reason: 'malformed' };
    const key = this.keys.byId.get(payload.kid);
    if (!key) return { ok: false, reason: 'bad-signature' };
    const expected = signature(key.secret, `${kind}.${encoded}`);
    const presented = Buffer.from(sig, 'base64url');
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
      return { ok: false, reason: 'bad-signature' };
    }
    if (payload.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, payload, keyId: key.id, expiresAt: new Date(payload.exp * 1000) };
  }

  private decode(encoded: string): P | null {
    try {
      const parsed = this.schema.safeParse(
        JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')),
      );
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}

function signature(secret: Buffer, body: string): Buffer {
  return createHmac('sha256', secret).update(body, 'utf8').digest();
}
