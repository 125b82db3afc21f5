import type { KnownEvent } from '@threadline/contracts';
import type { EventCodec } from '@threadline/eventing';
import type { Message, ThreadEvent } from '../../domain';

type MessageSentEnvelope = Extract<KnownEvent, { type: 'conversation.message-sent' }>;

/** A message of the wire; events written before `messageId`/`sentAt` existed take the envelope's. */
export function messageOf(envelope: MessageSentEnvelope): Message {
  const { clientMessageId, author, text, messageId, sentAt } = envelope.payload;
  return {
    messageId: messageId ?? envelope.eventId,
    clientMessageId,
    author,
    text,
    sentAt: sentAt ?? envelope.occurredAt,
  };
}

function unexpected(envelope: KnownEvent): never {
  throw new Error(
    `threadCodec cannot decode ${envelope.type}@${envelope.version} (${envelope.streamId})`,
  );
}

/** The thread stream on the wire (`thread-<contactId>` on `conversation.events`). */
export const threadCodec: EventCodec<ThreadEvent> = {
  encode(event) {
    switch (event.type) {
      case 'ConversationStarted':
        // The application is the envelope's tenant.
        return {
          type: 'conversation.conversation-started',
          version: 1,
          payload: { contactId: event.contactId },
        };
      case 'MessageSent':
        return { type: 'conversation.message-sent', version: 1, payload: event.message };
      case 'ConversationMerged': {
        const { type: _type, ...payload } = event;
        return { type: 'conversation.conversation-merged', version: 1, payload };
      }
      case 'ConversationMergedInto': {
        const { type: _type, ...payload } = event;
        return { type: 'conversation.conversation-merged-into', version: 1, payload };
      }
      case 'ThreadRead': {
        const { type: _type, ...payload } = event;
        return { type: 'conversation.thread-read', version: 1, payload };
      }
      default: {
        const never: never = event;
        return never;
      }
    }
  },
  decode(envelope) {
    switch (envelope.type) {
      case 'conversation.conversation-started':
        return {
          type: 'ConversationStarted',
          applicationId: envelope.tenantId,
          contactId: envelope.payload.contactId,
        };
      case 'conversation.message-sent':
        return { type: 'MessageSent', message: messageOf(envelope) };
      case 'conversation.conversation-merged':
        return { type: 'ConversationMerged', ...envelope.payload };
      case 'conversation.conversation-merged-into':
        return { type: 'ConversationMergedInto', ...envelope.payload };
      case 'conversation.thread-read':
        return { type: 'ThreadRead', ...envelope.payload };
      default:
        return unexpected(envelope);
    }
  },
};
