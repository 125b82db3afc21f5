import type { KnownEvent } from '@threadline/contracts';
import type { Decider, EventCodec, NewEvent } from '../../src';

/** A toy thread aggregate over real contracts, for the store and repository specs. */
export type ThreadState =
  { status: 'none' } | { status: 'open'; contactId: string; messages: string[] };
export type ThreadCommand =
  { kind: 'start'; contactId: string } | { kind: 'send'; clientMessageId: string; text: string };
export type ThreadEvent =
  { kind: 'started'; contactId: string } | { kind: 'sent'; clientMessageId: string; text: string };

export class ThreadNotStartedError extends Error {
  readonly code = 'THREAD_NOT_STARTED';
}

export const threadDecider: Decider<ThreadState, ThreadCommand, ThreadEvent> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.kind) {
      case 'start':
        return state.status === 'none' ? [{ kind: 'started', contactId: command.contactId }] : [];
      case 'send':
        if (state.status !== 'open') throw new ThreadNotStartedError('start the thread first');
        if (state.messages.includes(command.clientMessageId)) return [];
        return [{ kind: 'sent', clientMessageId: command.clientMessageId, text: command.text }];
      default: {
        const never: never = command;
        return never;
      }
    }
  },
  evolve(state, event) {
    switch (event.kind) {
      case 'started':
        return { status: 'open', contactId: event.contactId, messages: [] };
      case 'sent':
        return state.status === 'open'
          ? { ...state, messages: [...state.messages, event.clientMessageId] }
          : state;
      default: {
        const never: never = event;
        return never;
      }
    }
  },
};

export const threadCodec: EventCodec<ThreadEvent> = {
  encode(event) {
    return event.kind === 'started'
      ? {
          type: 'conversation.conversation-started',
          version: 1,
          payload: { contactId: event.contactId },
        }
      : {
          type: 'conversation.message-sent',
          version: 1,
          payload: {
            clientMessageId: event.clientMessageId,
            author: { kind: 'agent', agentId: 'agent-1' },
            text: event.text,
          },
        };
  },
  decode(envelope: KnownEvent): ThreadEvent {
    switch (envelope.type) {
      case 'conversation.conversation-started':
        return { kind: 'started', contactId: envelope.payload.contactId };
      case 'conversation.message-sent':
        return {
          kind: 'sent',
          clientMessageId: envelope.payload.clientMessageId,
          text: envelope.payload.text,
        };
      default:
        throw new Error(`not a thread event: ${envelope.type}`);
    }
  },
};

export const metadata = { tenantId: 'app-1', correlationId: 'corr-1', causationId: 'cause-1' };

export function aConversationStarted(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    type: 'conversation.conversation-started',
    version: 1,
    payload: { contactId: 'contact-1' },
    ...metadata,
    ...overrides,
  } as NewEvent;
}

export function aMessageSent(
  overrides: { clientMessageId?: string; text?: string; tenantId?: string } = {},
): NewEvent {
  return {
    type: 'conversation.message-sent',
    version: 1,
    payload: {
      clientMessageId: overrides.clientMessageId ?? 'm-1',
      author: { kind: 'agent', agentId: 'agent-1' },
      text: overrides.text ?? 'Hello',
    },
    ...metadata,
    tenantId: overrides.tenantId ?? metadata.tenantId,
  };
}
