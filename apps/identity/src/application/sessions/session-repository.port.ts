import type { AggregateRepository } from '@threadline/eventing';
import type {
  SessionCommand,
  SessionEvent,
  SessionState,
} from '../../domain/sessions/session.decider';

/** The `session-<sessionId>` streams, where a session's end is recorded. */
export type SessionRepository = AggregateRepository<SessionState, SessionCommand, SessionEvent>;

export const SESSION_REPOSITORY = Symbol('SESSION_REPOSITORY');

export const SESSION_CLOCK = Symbol('SESSION_CLOCK');

/** Default lifetime of a device session token: 30 days. */
export const DEFAULT_SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;

export interface SessionSettings {
  ttlSeconds: number;
}

export const SESSION_SETTINGS = Symbol('SESSION_SETTINGS');
