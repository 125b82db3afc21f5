import {
  decideSession,
  evolveSession,
  sessionDecider,
  sessionStreamId,
  type SessionEvent,
  type SessionState,
} from './session.decider';

const aSessionEnded = (overrides: Partial<Extract<SessionEvent, { type: 'SessionEnded' }>> = {}) =>
  ({ type: 'SessionEnded', sessionId: 's1', reason: 'logout', ...overrides }) as const;

const given = (events: SessionEvent[]): SessionState =>
  events.reduce(evolveSession, sessionDecider.initialState());

describe('session decider (S8)', () => {
  it('given a live session, when it is ended, then SessionEnded with the reason', () => {
    expect(decideSession({ kind: 'end', sessionId: 's1', reason: 'logout' }, given([]))).toEqual([
      aSessionEnded(),
    ]);
  });

  it('given an ended session, when it is ended again, then nothing is recorded', () => {
    expect(
      decideSession({ kind: 'end', sessionId: 's1', reason: 'revoked' }, given([aSessionEnded()])),
    ).toEqual([]);
  });

  it('given a session ended twice in the log, then the first reason stands', () => {
    expect(given([aSessionEnded(), aSessionEnded({ reason: 'revoked' })])).toEqual({
      status: 'ended',
      reason: 'logout',
    });
  });

  it('names the stream after the session', () => {
    expect(sessionStreamId('s1')).toBe('session-s1');
  });
});
