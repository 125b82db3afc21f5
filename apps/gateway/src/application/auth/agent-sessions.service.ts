import { Inject, Injectable } from '@nestjs/common';
import { IdentityClient, type AgentClaims } from '../../infrastructure/upstream/identity.client';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../gateway-settings';
import { VerificationCache } from './verification-cache';

export interface AgentPrincipal extends AgentClaims {
  token: string;
}

/** Verifies agent tokens through identity, briefly cached. */
@Injectable()
export class AgentSessions {
  private readonly cache: VerificationCache<AgentPrincipal>;

  constructor(
    private readonly identity: IdentityClient,
    @Inject(GATEWAY_SETTINGS) settings: GatewaySettings,
  ) {
    this.cache = new VerificationCache(settings.tokenCacheMs);
  }

  async verify(token: string): Promise<AgentPrincipal | null> {
    const cached = this.cache.get(token);
    if (cached) return cached;
    const startedAt = Date.now();
    const claims = await this.identity.verifyAgent(token);
    if (!claims) return null;
    const principal = { token, ...claims };
    this.cache.set(token, principal, startedAt);
    return principal;
  }
}
