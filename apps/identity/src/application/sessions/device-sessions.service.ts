import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@threadline/eventing';
import { sessionStreamId } from '../../domain/sessions/session.decider';
import { ENDED_SESSIONS, type EndedSessions } from './ended-sessions.port';
import type { IssuedSession, IssueSessionRequest, SessionIssuer } from './session-issuer.port';
import {
  SESSION_CLOCK,
  SESSION_REPOSITORY,
  SESSION_SETTINGS,
  type SessionRepository,
  type SessionSettings,
} from './session-repository.port';
import {
  SESSION_TOKENS,
  type SessionClaims,
  type SessionRejection,
  type SessionTokens,
} from './session-tokens.port';

export type SessionVerification =
  { ok: true; claims: SessionClaims } | { ok: false; reason: SessionRejection };

export type SessionEnding =
  { ok: true; ended: 'now' | 'already' } | { ok: false; reason: 'malformed' | 'bad-signature' };

const recentlyEndedLimit = 10_000;

/**
 * Device sessions (S8): issues signed, expiring tokens, verifies them on every gateway request, and
 * ends them on logout. Ended is read from the sessions projection; the in-process set of sessions
 * this process ended only closes the gap until the projection catches up.
 */
@Injectable()
export class DeviceSessions implements SessionIssuer {
  private readonly recentlyEnded = new Set<string>();

  constructor(
    @Inject(SESSION_TOKENS) private readonly tokens: SessionTokens,
    @Inject(ENDED_SESSIONS) private readonly ended: EndedSessions,
    @Inject(SESSION_REPOSITORY) private readonly sessions: SessionRepository,
    @Inject(SESSION_CLOCK) private readonly clock: Clock,
    @Inject(SESSION_SETTINGS) private readonly settings: SessionSettings,
  ) {}

  issue(request: IssueSessionRequest): Promise<IssuedSession> {
    const now = this.clock.now().getTime();
    // Whole seconds: the token carries `exp` in seconds.
    const expiresAt = new Date(Math.floor(now / 1000) * 1000 + this.settings.ttlSeconds * 1000);
    const token = this.tokens.sign({
      sessionId: request.sessionId,
      applicationId: request.applicationId,
      subject: request.subject,
      deviceId: request.deviceId,
      expiresAt,
    });
    return Promise.resolve({ token, expiresAt });
  }

  async verify(token: string): Promise<SessionVerification> {
    const check = this.tokens.check(token, this.clock.now());
    if (!check.ok) return check;
    const sessionId = check.claims.sessionId;
    if (this.recentlyEnded.has(sessionId) || (await this.ended.isEnded(sessionId))) {
      return { ok: false, reason: 'ended' };
    }
    return { ok: true, claims: check.claims };
  }

  /** Logout: idempotent. An expired token still ends its session, so the log says it ended. */
  async end(token: string, correlationId: string): Promise<SessionEnding> {
    const check = this.tokens.check(token, new Date(0));
    if (!check.ok) {
      return { ok: false, reason: check.reason === 'expired' ? 'malformed' : check.reason };
    }
    const { sessionId, applicationId } = check.claims;
    const result = await this.sessions.execute(
      sessionStreamId(sessionId),
      { kind: 'end', sessionId, reason: 'logout' },
      { tenantId: applicationId, correlationId, causationId: randomUUID() },
    );
    this.remember(sessionId);
    return { ok: true, ended: result === null ? 'already' : 'now' };
  }

  private remember(sessionId: string): void {
    if (this.recentlyEnded.size >= recentlyEndedLimit) this.recentlyEnded.clear();
    this.recentlyEnded.add(sessionId);
  }
}
