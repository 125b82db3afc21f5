import type { AgentSession } from '../lib/agent-types';
import { loadSession, saveSession } from './session-storage';

/** The Web Storage interface over a Map, as sessionStorage behaves. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

const session: AgentSession = {
  agentToken: 'agt_x',
  expiresAt: '2030-01-01T00:00:00.000Z',
  agent: {
    agentId: 'a1',
    name: 'Ann',
    email: 'ann@acme.example',
    organizationDomain: 'acme.example',
  },
  applications: [{ applicationId: '123456', name: 'Site' }],
};

describe('agent session storage', () => {
  it('keeps a sign-in for the tab', () => {
    const storage = memoryStorage();
    saveSession(session, storage);
    expect(loadSession(storage, Date.parse('2029-01-01'))).toEqual(session);
  });

  it('drops an expired or unreadable one', () => {
    const storage = memoryStorage();
    saveSession(session, storage);
    expect(loadSession(storage, Date.parse('2031-01-01'))).toBeUndefined();
    expect(storage.length).toBe(0);
    storage.setItem('threadline:agent-session', '{not json');
    expect(loadSession(storage)).toBeUndefined();
  });

  it('forgets on sign-out', () => {
    const storage = memoryStorage();
    saveSession(session, storage);
    saveSession(undefined, storage);
    expect(loadSession(storage)).toBeUndefined();
  });
});
