import type { ThreadMessage } from '@threadline/contracts';
import { cursorOf, type Message } from '../../domain';

/** A message as the API shows it: the domain's message and its place in the thread. */
export function threadMessageView(message: Message): ThreadMessage {
  return { ...message, cursor: cursorOf(Date.parse(message.sentAt), message.messageId) };
}
