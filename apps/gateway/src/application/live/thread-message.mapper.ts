import { contactIdOfThread, type KnownEvent, type ThreadMessage } from '@threadline/contracts';

/** Messages of one thread that a conversation event brought, as the conversation API shows them. */
export interface ThreadMessages {
  applicationId: string;
  contactId: string;
  messages: ThreadMessage[];
}

/**
 * The conversation service's cursor: (sentAt, messageId) as one string that sorts the same way,
 * 16 digits of milliseconds then the id. Kept in step with apps/conversation's `cursorOf`; the
 * gateway's integration test compares pushed messages with the API's pages.
 */
export function threadCursorOf(sentAt: string, messageId: string): string {
  return `${String(Date.parse(sentAt)).padStart(16, '0')}_${messageId}`;
}

type Author =
  { kind: 'user'; contactId: string; deviceId: string } | { kind: 'agent'; agentId: string };

function message(fields: {
  messageId: string;
  clientMessageId: string;
  author: Author;
  text: string;
  sentAt: string;
}): ThreadMessage {
  const author: ThreadMessage['author'] =
    fields.author.kind === 'user'
      ? { kind: 'user', contactId: fields.author.contactId, deviceId: fields.author.deviceId }
      : { kind: 'agent', agentId: fields.author.agentId };
  return {
    messageId: fields.messageId,
    clientMessageId: fields.clientMessageId,
    author,
    text: fields.text,
    sentAt: fields.sentAt,
    cursor: threadCursorOf(fields.sentAt, fields.messageId),
  };
}

/**
 * A sent message (its id and time default to the event's, as the conversation service reads
 * them), or a visitor's conversation merged into a user's thread (S12); other events carry none.
 */
export function threadMessagesOf(event: KnownEvent): ThreadMessages | undefined {
  const contactId = contactIdOfThread(event.streamId);
  if (!contactId) return undefined;
  const applicationId = event.tenantId;
  switch (event.type) {
    case 'conversation.message-sent': {
      const { payload } = event;
      return {
        applicationId,
        contactId,
        messages: [
          message({
            messageId: payload.messageId ?? event.eventId,
            clientMessageId: payload.clientMessageId,
            author: payload.author,
            text: payload.text,
            sentAt: payload.sentAt ?? event.occurredAt,
          }),
        ],
      };
    }
    case 'conversation.conversation-merged':
      return { applicationId, contactId, messages: event.payload.messages.map(message) };
    default:
      return undefined;
  }
}
