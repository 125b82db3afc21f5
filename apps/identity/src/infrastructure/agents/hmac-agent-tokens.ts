import { z } from 'zod';
import type {
  AgentClaims,
  AgentTokenCheck,
  AgentTokens,
} from '../../application/agents/agent-tokens.port';
import { HmacTokenCodec, signedFields } from '../sessions/hmac-token-codec';
import type { SessionKeyRing } from '../sessions/session-key-ring';

const Payload = z.strictObject({
  aid: z.string().min(1).max(128),
  org: z.string().min(1).max(128),
  eml: z.string().min(1).max(254),
  nam: z.string().min(1).max(255),
  ...signedFields,
});

/**
 * Agent tokens `a1.<payload>.<signature>`, HMAC-SHA256 under the device session key ring. The
 * kind `a1` is signed, so a device session token (`v1.`) can neither pass as an agent token nor
 * be re-labelled into one.
 */
export class HmacAgentTokens implements AgentTokens {
  private readonly codec: HmacTokenCodec<z.infer<typeof Payload>>;

  constructor(keys: SessionKeyRing) {
    this.codec = new HmacTokenCodec('a1', Payload, keys);
  }

  sign(claims: AgentClaims): string {
    return this.codec.sign(
      { aid: claims.agentId, org: claims.organizationDomain, eml: claims.email, nam: claims.name },
      claims.expiresAt,
    );
  }

  check(token: string, now: Date): AgentTokenCheck {
    const checked = this.codec.check(token, now);
    if (!checked.ok) return checked;
    const { payload, keyId, expiresAt } = checked;
    return {
      ok: true,
      keyId,
      claims: {
        agentId: payload.aid,
        organizationDomain: payload.org,
        email: payload.eml,
        name: payload.nam,
        expiresAt,
      },
    };
  }
}
