import type { ThreadMessage } from './gateway-types';

/** A message as a chat view holds it: a sent one, or one of ours still on its way. */
export interface ChatMessage {
  clientMessageId: string;
  text: string;
  author: ThreadMessage['author'] | { kind: 'self' };
  /** Absent until the gateway has accepted the message. */
  messageId?: string;
  cursor?: string;
  sentAt?: string;
  state: 'sent' | 'sending' | 'failed';
  failure?: string;
}

export function fromThreadMessage(message: ThreadMessage): ChatMessage {
  return {
    clientMessageId: message.clientMessageId,
    text: message.text,
    author: message.author,
    messageId: message.messageId,
    cursor: message.cursor,
    sentAt: message.sentAt,
    state: 'sent',
  };
}

/**
 * Cursors are opaque, but the contract promises they sort along the thread's one order as plain
 * strings (a fixed-width time, then the message id), so no locale rules may touch them.
 */
export function compareCursors(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Merges what arrived (a history page, a live frame, an answer to a send) into a view, once per
 * message whatever the path it came by, in the thread's one order. A sent message replaces the
 * pending copy with the same client id; unsent ones stay last.
 */
export function mergeMessages(
  current: readonly ChatMessage[],
  arrived: readonly ThreadMessage[],
): ChatMessage[] {
  if (arrived.length === 0) return current as ChatMessage[];
  const incoming = new Map(arrived.map((m) => [m.clientMessageId, m]));
  const seenIds = new Set<string>();
  const sent: ChatMessage[] = [];
  const unsent: ChatMessage[] = [];
  for (const message of current) {
    if (incoming.has(message.clientMessageId) && message.state !== 'sent') continue;
    if (message.state === 'sent' && message.messageId) {
      seenIds.add(message.messageId);
      sent.push(message);
    } else unsent.push(message);
  }
  for (const message of arrived) {
    if (seenIds.has(message.messageId)) continue;
    seenIds.add(message.messageId);
    sent.push(fromThreadMessage(message));
  }
  sent.sort((a, b) => compareCursors(a.cursor ?? '', b.cursor ?? ''));
  return [...sent, ...unsent];
}

/** The newest cursor a view holds: where a live connection resumes after a reconnect. */
export function lastCursor(messages: readonly ChatMessage[]): string | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const cursor = messages[i]?.cursor;
    if (cursor) return cursor;
  }
  return undefined;
}
