import type { Decider } from '@threadline/eventing';

/** Why a device session ended (S8): the widget logged out, or an operator revoked it. */
export type SessionEndReason = 'logout' | 'revoked' | 'expired';

export interface EndSession {
  kind: 'end';
  sessionId: string;
  reason: SessionEndReason;
}

export type SessionCommand = EndSession;

export interface SessionEnded {
  type: 'SessionEnded';
  sessionId: string;
  reason: SessionEndReason;
}

export type SessionEvent = SessionEnded;

/** The session stream holds only its end: a session with no events is live. */
export type SessionState = { status: 'live' } | { status: 'ended'; reason: SessionEndReason };

/** A session ends once; ending it again (a repeated logout) records nothing. */
export function decideSession(command: SessionCommand, state: SessionState): SessionEvent[] {
  switch (command.kind) {
    case 'end':
      return state.status === 'ended'
        ? []
        : [{ type: 'SessionEnded', sessionId: command.sessionId, reason: command.reason }];
    default: {
      const never: never = command.kind;
      return never;
    }
  }
}

export function evolveSession(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'SessionEnded':
      return state.status === 'ended' ? state : { status: 'ended', reason: event.reason };
    default: {
      const never: never = event.type;
      return never;
    }
  }
}

export const sessionDecider: Decider<SessionState, SessionCommand, SessionEvent> = {
  initialState: () => ({ status: 'live' }),
  decide: decideSession,
  evolve: evolveSession,
};

/** The stream of one device session: `session-<sessionId>`. */
export function sessionStreamId(sessionId: string): string {
  return `session-${sessionId}`;
}
