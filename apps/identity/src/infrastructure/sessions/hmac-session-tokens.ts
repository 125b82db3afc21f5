import { z } from 'zod';
import type {
  SessionClaims,
  SessionTokens,
  TokenCheck,
} from '../../application/sessions/session-tokens.port';
import { HmacTokenCodec, signedFields } from './hmac-token-codec';
import type { SessionKeyRing } from './session-key-ring';

/** The signed payload, with short names to keep tokens small; `exp` is in seconds. */
const Payload = z.strictObject({
  sid: z.string().min(1).max(128),
  app: z.string().min(1).max(128),
  sub: z.strictObject({ k: z.enum(['user', 'visitor']), id: z.string().min(1).max(255) }),
  dev: z.string().min(1).max(128),
  ...signedFields,
});

/** Device session tokens `v1.<payload>.<signature>` (see `HmacTokenCodec`). */
export class HmacSessionTokens implements SessionTokens {
  private readonly codec: HmacTokenCodec<z.infer<typeof Payload>>;

  constructor(keys: SessionKeyRing) {
    this.codec = new HmacTokenCodec('v1', Payload, keys);
  }

  sign(claims: SessionClaims): string {
    return this.codec.sign(
      {
        sid: claims.sessionId,
        app: claims.applicationId,
        sub: { k: claims.subject.kind, id: claims.subject.id },
        dev: claims.deviceId,
      },
      claims.expiresAt,
    );
  }

  check(token: string, now: Date): TokenCheck {
    const checked = this.codec.check(token, now);
    if (!checked.ok) return checked;
    const { payload, keyId, expiresAt } = checked;
    return {
      ok: true,
      keyId,
      claims: {
        sessionId: payload.sid,
        applicationId: payload.app,
        subject: { kind: payload.sub.k, id: payload.sub.id },
        deviceId: payload.dev,
        expiresAt,
      },
    };
  }
}
