import { Inject, Injectable } from '@nestjs/common';
import { contactIdOf } from '@threadline/contracts';
import { IdentityClient, type SessionClaims } from '../../infrastructure/upstream/identity.client';
import { GATEWAY_SETTINGS, type GatewaySettings } from '../gateway-settings';
import { VerificationCache } from './verification-cache';

/** A verified widget session: the contact of every widget request comes from here, never the body. */
export interface WidgetPrincipal {
  token: string;
  sessionId: string;
  applicationId: string;
  subject: SessionClaims['subject'];
  deviceId: string;
  contactId: string;
  expiresAt: string;
}

/** The contact a session speaks for: a user's, or the device's anonymous visitor's. */
export function contactIdOfSession(claims: Pick<SessionClaims, 'applicationId' | 'subject'>) {
  const { applicationId, subject } = claims;
  return contactIdOf(
    applicationId,
    subject.kind === 'user'
      ? { kind: 'user', userId: subject.id }
      : { kind: 'visitor', visitorId: subject.id },
  );
}

type EndListener = (sessionId: string) => void;

/** Verifies device session tokens through identity, briefly cached; logout revokes at once. */
@Injectable()
export class WidgetSessions {
  private readonly cache: VerificationCache<WidgetPrincipal>;
  private readonly endListeners: EndListener[] = [];

  constructor(
    private readonly identity: IdentityClient,
    @Inject(GATEWAY_SETTINGS) settings: GatewaySettings,
  ) {
    this.cache = new VerificationCache(settings.tokenCacheMs);
  }

  async verify(token: string): Promise<WidgetPrincipal | null> {
    const cached = this.cache.get(token);
    if (cached) return cached;
    const startedAt = Date.now();
    const claims = await this.identity.verifySession(token);
    if (!claims || this.cache.isRevoked(token)) return null;
    const principal: WidgetPrincipal = { token, ...claims, contactId: contactIdOfSession(claims) };
    this.cache.set(token, principal, startedAt);
    return principal;
  }

  /** S8 logout: identity records the end; this process forgets the token and closes its sockets. */
  async end(principal: WidgetPrincipal, correlationId: string): Promise<void> {
    this.cache.revoke(principal.token);
    await this.identity.endSession(principal.token, correlationId);
    for (const listener of this.endListeners) listener(principal.sessionId);
  }

  onEnded(listener: EndListener): void {
    this.endListeners.push(listener);
  }
}
