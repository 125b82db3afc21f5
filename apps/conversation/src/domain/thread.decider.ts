import type { Decider } from '@threadline/eventing';
import { chunkMessages } from './merge-chunks';
import { isCursor } from './thread-cursor';
import type {
  AbsorbConversation,
  MarkRead,
  SealForMerge,
  SendMessage,
  ThreadCommand,
} from './thread.commands';
import {
  ClientMessageIdConflictError,
  MessageNotFoundError,
  ThreadMergedError,
  ThreadNotFoundError,
} from './thread.errors';
import {
  otherSide,
  sideOf,
  type ConversationMerged,
  type ConversationStarted,
  type Message,
  type ThreadEvent,
} from './thread.events';
import {
  authorKeyOf,
  cursorOfAccepted,
  findByClientMessageId,
  type AcceptedMessage,
  type StartedThread,
  type ThreadState,
} from './thread.state';
import { countUnreadBy } from './unread';

/** The thread of a contact of another application is, to this request, no thread at all (S17). */
function ownThread(state: ThreadState, command: ThreadCommand): StartedThread | undefined {
  if (state.status === 'none') return undefined;
  if (state.applicationId !== command.applicationId) {
    throw new ThreadNotFoundError(command.contactId);
  }
  return state;
}

function started(command: ThreadCommand): ConversationStarted {
  return {
    type: 'ConversationStarted',
    applicationId: command.applicationId,
    contactId: command.contactId,
  };
}

/**
 * S13: one order per thread. A message is sent no earlier than 1 ms after the one before it, so
 * (sentAt, messageId) orders the thread the way it was decided, whatever the clocks did.
 */
function decideSend(command: SendMessage, state: ThreadState): ThreadEvent[] {
  const thread = ownThread(state, command);
  if (thread?.status === 'merged') throw new ThreadMergedError(thread.mergedInto ?? '');
  const earlier = findByClientMessageId(state, command.clientMessageId);
  if (earlier) {
    if (earlier.authorKey !== authorKeyOf(command.sender)) {
      throw new ClientMessageIdConflictError(command.clientMessageId);
    }
    return [];
  }
  const sentAtMs = Math.max(command.now, (thread?.lastSentAtMs ?? -1) + 1);
  const author =
    command.sender.kind === 'agent'
      ? command.sender
      : { kind: 'user' as const, contactId: command.contactId, deviceId: command.sender.deviceId };
  return [
    ...(thread ? [] : [started(command)]),
    {
      type: 'MessageSent',
      message: {
        messageId: command.messageId,
        clientMessageId: command.clientMessageId,
        author,
        text: command.text,
        sentAt: new Date(sentAtMs).toISOString(),
      },
    },
  ];
}

function decideMarkRead(command: MarkRead, state: ThreadState): ThreadEvent[] {
  const thread = ownThread(state, command);
  if (!thread) throw new MessageNotFoundError('upTo');
  if (thread.status === 'merged') throw new ThreadMergedError(thread.mergedInto ?? '');
  const byCursor = isCursor(command.upTo);
  const message = thread.messages.find((m) =>
    byCursor ? cursorOfAccepted(m) === command.upTo : m.messageId === command.upTo,
  );
  if (!message) throw new MessageNotFoundError('upTo');
  const upTo = cursorOfAccepted(message);
  const marker = thread.readUpTo[command.side];
  if (marker !== null && upTo <= marker) return [];
  const unread = countUnreadBy(command.side, {
    ...thread,
    readUpTo: { ...thread.readUpTo, [command.side]: upTo },
  });
  return [{ type: 'ThreadRead', contactId: command.contactId, side: command.side, upTo, unread }];
}

/** Nothing to merge without messages; a thread merges once, into the first user (S12). */
function decideSeal(command: SealForMerge, state: ThreadState): ThreadEvent[] {
  if (state.status !== 'open' || state.applicationId !== command.applicationId) return [];
  if (state.messages.length === 0) return [];
  return [
    {
      type: 'ConversationMergedInto',
      contactId: command.contactId,
      intoContactId: command.intoContactId,
      messageCount: state.messages.length,
    },
  ];
}

/**
 * The visitor's messages join in time order, each once; parts small enough for one Kafka record
 * each, all in one commit. `unread` of each part is the thread's count after it.
 */
function decideAbsorb(command: AbsorbConversation, state: ThreadState): ThreadEvent[] {
  const thread = ownThread(state, command);
  if (thread?.status === 'merged') throw new ThreadMergedError(thread.mergedInto ?? '');
  if (thread?.absorbed.some((a) => a.contactId === command.fromContactId)) return [];
  if (command.messages.length === 0) return [];
  const known = new Set(thread?.messages.map((m) => m.messageId));
  const messages = [...command.messages]
    .filter((m) => !known.has(m.messageId))
    .sort((a, b) => compareMessages(a, b));
  const events: ThreadEvent[] = thread ? [] : [started(command)];
  let folded: ThreadState = events.reduce(evolveThread, state);
  for (const part of chunkMessages(messages)) {
    const merged: ConversationMerged = {
      type: 'ConversationMerged',
      contactId: command.contactId,
      fromContactId: command.fromContactId,
      messages: part,
      fromReadUpTo: command.fromReadUpTo,
      unread: { user: 0, agent: 0 },
    };
    const after = evolveThread(folded, merged) as StartedThread;
    merged.unread = { user: countUnreadBy('user', after), agent: countUnreadBy('agent', after) };
    folded = evolveThread(folded, merged);
    events.push(merged);
  }
  return events;
}

function compareMessages(a: Message, b: Message): number {
  const at = Date.parse(a.sentAt) - Date.parse(b.sentAt);
  if (at !== 0) return at;
  return a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0;
}

export function decideThread(command: ThreadCommand, state: ThreadState): ThreadEvent[] {
  switch (command.kind) {
    case 'send':
      return decideSend(command, state);
    case 'mark-read':
      return decideMarkRead(command, state);
    case 'seal-for-merge':
      return decideSeal(command, state);
    case 'absorb':
      return decideAbsorb(command, state);
    default: {
      const never: never = command;
      return never;
    }
  }
}

function accepted(message: Message, version: number, from?: string): AcceptedMessage {
  return {
    messageId: message.messageId,
    clientMessageId: message.clientMessageId,
    side: sideOf(message.author),
    authorKey: authorKeyOf(message.author),
    sentAtMs: Date.parse(message.sentAt),
    version,
    ...(from === undefined ? {} : { from }),
  };
}

function requireStarted(state: ThreadState, event: ThreadEvent): StartedThread {
  if (state.status === 'none') {
    throw new Error(`a thread stream must begin with ConversationStarted, not ${event.type}`);
  }
  return state;
}

export function evolveThread(state: ThreadState, event: ThreadEvent): ThreadState {
  if (event.type === 'ConversationStarted') {
    if (state.status !== 'none') return { ...state, version: state.version + 1 };
    return {
      status: 'open',
      applicationId: event.applicationId,
      contactId: event.contactId,
      version: 1,
      lastSentAtMs: -1,
      messages: [],
      readUpTo: { user: null, agent: null },
      unread: { user: 0, agent: 0 },
      absorbed: [],
    };
  }
  const thread = requireStarted(state, event);
  const version = thread.version + 1;
  switch (event.type) {
    case 'MessageSent': {
      const message = accepted(event.message, version);
      const other = otherSide(message.side);
      return {
        ...thread,
        version,
        lastSentAtMs: Math.max(thread.lastSentAtMs, message.sentAtMs),
        messages: [...thread.messages, message],
        unread: { ...thread.unread, [other]: thread.unread[other] + 1 },
      };
    }
    case 'ConversationMerged': {
      const messages = event.messages.map((m) => accepted(m, version, event.fromContactId));
      const absorbed = thread.absorbed.some((a) => a.contactId === event.fromContactId)
        ? thread.absorbed
        : [
            ...thread.absorbed,
            {
              contactId: event.fromContactId,
              readUpTo: {
                user: event.fromReadUpTo.user ?? null,
                agent: event.fromReadUpTo.agent ?? null,
              },
            },
          ];
      return {
        ...thread,
        version,
        lastSentAtMs: Math.max(thread.lastSentAtMs, ...messages.map((m) => m.sentAtMs)),
        messages: [...thread.messages, ...messages],
        unread: event.unread,
        absorbed,
      };
    }
    case 'ConversationMergedInto':
      return { ...thread, version, status: 'merged', mergedInto: event.intoContactId };
    case 'ThreadRead':
      return {
        ...thread,
        version,
        readUpTo: { ...thread.readUpTo, [event.side]: event.upTo },
        unread: { ...thread.unread, [event.side]: event.unread },
      };
    default: {
      const never: never = event;
      return never;
    }
  }
}

/** The thread of one contact (S3, S12, S13), for `AggregateRepository`. */
export const threadDecider: Decider<ThreadState, ThreadCommand, ThreadEvent> = {
  initialState: () => ({ status: 'none' }),
  decide: decideThread,
  evolve: evolveThread,
};
