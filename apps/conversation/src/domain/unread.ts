import type { Side } from './thread.events';
import { cursorOfAccepted, type AcceptedMessage, type StartedThread } from './thread.state';

/**
 * Whether `side` has not read `message`: the other side wrote it, after `side`'s marker in this
 * thread, and, for a merged message, after `side`'s marker in the thread it came from.
 */
export function isUnreadBy(
  side: Side,
  message: AcceptedMessage,
  thread: Pick<StartedThread, 'readUpTo' | 'absorbed'>,
): boolean {
  if (message.side === side) return false;
  const cursor = cursorOfAccepted(message);
  const marker = thread.readUpTo[side];
  if (marker !== null && cursor <= marker) return false;
  if (message.from === undefined) return true;
  const before = thread.absorbed.find((a) => a.contactId === message.from)?.readUpTo[side];
  return before === null || before === undefined || cursor > before;
}

export function countUnreadBy(
  side: Side,
  thread: Pick<StartedThread, 'readUpTo' | 'absorbed' | 'messages'>,
): number {
  return thread.messages.filter((m) => isUnreadBy(side, m, thread)).length;
}
