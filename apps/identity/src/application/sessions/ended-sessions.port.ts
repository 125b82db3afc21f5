/** Reads whether a session has ended, from the sessions projection (rebuildable, S15). */
export interface EndedSessions {
  isEnded(sessionId: string): Promise<boolean>;
}

export const ENDED_SESSIONS = Symbol('ENDED_SESSIONS');
