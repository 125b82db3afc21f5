import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { AgentApiClient } from '../api/agent-api.client';
import type { AgentSession } from '../lib/agent-types';
import { loadSession, saveSession } from './session-storage';

interface AgentSessionValue {
  session?: AgentSession;
  api?: AgentApiClient;
  signIn(session: AgentSession): void;
  signOut(): void;
}

const AgentSessionContext = createContext<AgentSessionValue | undefined>(undefined);

export function AgentSessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<AgentSession | undefined>(() => loadSession());
  const signIn = useCallback((next: AgentSession) => {
    saveSession(next);
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    saveSession(undefined);
    setSession(undefined);
  }, []);
  const api = useMemo(
    () => (session ? new AgentApiClient(session.agentToken, signOut) : undefined),
    [session, signOut],
  );
  const value = useMemo(() => ({ session, api, signIn, signOut }), [session, api, signIn, signOut]);
  return <AgentSessionContext.Provider value={value}>{children}</AgentSessionContext.Provider>;
}

export function useAgentSession(): AgentSessionValue {
  const value = useContext(AgentSessionContext);
  if (!value) throw new Error('useAgentSession outside AgentSessionProvider');
  return value;
}

/** For pages behind sign-in: the router only renders them with a session. */
export function useSignedIn(): { session: AgentSession; api: AgentApiClient; signOut(): void } {
  const { session, api, signOut } = useAgentSession();
  if (!session || !api) throw new Error('this page needs a signed-in agent');
  return { session, api, signOut };
}
