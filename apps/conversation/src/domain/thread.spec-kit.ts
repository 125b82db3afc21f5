import type { SendMessage, ThreadCommand } from './thread.commands';
import { threadDecider } from './thread.decider';
import type { Message, ThreadEvent } from './thread.events';
import type { ThreadState } from './thread.state';

export const APP = 'app-1';
export const USER = 'usr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
export const VISITOR = 'vis_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';
export const T0 = Date.parse('2026-11-23T10:00:00.000Z');

/** given past events, when a command, then events or an error (STYLE.md, "Aggregates"). */
export function given(...events: ThreadEvent[]) {
  const state: ThreadState = events.reduce(threadDecider.evolve, threadDecider.initialState());
  return {
    state,
    when: (command: ThreadCommand) => () => threadDecider.decide(command, state),
  };
}

let ids = 0;
export function aSend(overrides: Partial<SendMessage> = {}): SendMessage {
  ids++;
  return {
    kind: 'send',
    applicationId: APP,
    contactId: USER,
    messageId: `m-${ids}`,
    clientMessageId: `client-${ids}`,
    sender: { kind: 'user', deviceId: 'phone' },
    text: `message ${ids}`,
    now: T0,
    ...overrides,
  };
}

/** Folds commands through the decider the way the repository does: decide, then evolve. */
export function history(...commands: ThreadCommand[]): ThreadEvent[] {
  const events: ThreadEvent[] = [];
  let state: ThreadState = threadDecider.initialState();
  for (const command of commands) {
    const decided = threadDecider.decide(command, state);
    state = decided.reduce(threadDecider.evolve, state);
    events.push(...decided);
  }
  return events;
}

export const messagesOf = (events: ThreadEvent[]): Message[] =>
  events.flatMap((e) =>
    e.type === 'MessageSent' ? [e.message] : e.type === 'ConversationMerged' ? e.messages : [],
  );
