import { cursorOf } from './thread-cursor';
import type { Author, Side, UnreadCounts } from './thread.events';

/**
 * What the thread remembers of a message to decide: enough to refuse a duplicate, order, count
 * unread and find the message again in its stream, never its text. Plain JSON, so the state can
 * be snapshotted.
 */
export interface AcceptedMessage {
  messageId: string;
  clientMessageId: string;
  side: Side;
  /** `user:<deviceId>` or `agent:<agentId>`: a retry must come from the same author. */
  authorKey: string;
  sentAtMs: number;
  /** The stream version of the event that carries the message. */
  version: number;
  /** The thread it was merged from (S12). */
  from?: string;
}

export interface AbsorbedThread {
  contactId: string;
  /** What the visitor had read there: merged messages before these markers stay read. */
  readUpTo: { user: string | null; agent: string | null };
}

export interface StartedThread {
  status: 'open' | 'merged';
  applicationId: string;
  contactId: string;
  /** Events folded so far: the stream version. */
  version: number;
  /** Never decreases: the next message is sent after it (S13, one order). */
  lastSentAtMs: number;
  messages: AcceptedMessage[];
  readUpTo: { user: string | null; agent: string | null };
  unread: UnreadCounts;
  absorbed: AbsorbedThread[];
  /** Set once the thread was merged into a user's (status `merged`). */
  mergedInto?: string;
}

export type ThreadState = { status: 'none' } | StartedThread;

export function authorKeyOf(author: Author | { kind: 'user'; deviceId: string }): string {
  return author.kind === 'agent' ? `agent:${author.agentId}` : `user:${author.deviceId}`;
}

export function cursorOfAccepted(message: Pick<AcceptedMessage, 'sentAtMs' | 'messageId'>): string {
  return cursorOf(message.sentAtMs, message.messageId);
}

export function findByClientMessageId(
  state: ThreadState,
  clientMessageId: string,
): AcceptedMessage | undefined {
  return state.status === 'none'
    ? undefined
    : state.messages.find((m) => m.clientMessageId === clientMessageId);
}
