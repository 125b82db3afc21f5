import type { AgentSession } from '../lib/agent-types';

const KEY = 'threadline:agent-session';

/** The agent's sign-in lives in sessionStorage: one tab, gone when it closes. */
export function loadSession(
  storage: Storage = sessionStorage,
  now = Date.now(),
): AgentSession | undefined {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return undefined;
    const session = JSON.parse(raw) as AgentSession;
    if (typeof session.agentToken !== 'string' || Date.parse(session.expiresAt) <= now) {
      storage.removeItem(KEY);
      return undefined;
    }
    return session;
  } catch {
    return undefined;
  }
}

export function saveSession(
  session: AgentSession | undefined,
  storage: Storage = sessionStorage,
): void {
  if (session) storage.setItem(KEY, JSON.stringify(session));
  else storage.removeItem(KEY);
}
