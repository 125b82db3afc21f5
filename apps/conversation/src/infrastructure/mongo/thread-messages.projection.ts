import { eventsTopic, type ThreadMessage } from '@threadline/contracts';
import { defineProjection, type Projection, type ProjectionDocument } from '@threadline/eventing';
import { threadMessageView } from '../../application/threads/thread-message.view';
import { messageOf } from '../eventing/thread.codec';
import { asThreadEvent } from './thread-events';

export const THREAD_MESSAGES_COLLECTION = 'thread_messages';

/**
 * One message of one thread, under the thread's stream. A merged message (S12) gets a document
 * of its own under the user's thread, written by the merge event; the visitor's stays where it was.
 */
export interface ThreadMessageDocument extends ProjectionDocument, ThreadMessage {
  applicationId: string;
  contactId: string;
  mergedFrom?: string;
}

export const messageDocumentId = (contactId: string, messageId: string) =>
  `${contactId}:${messageId}`;

/** The messages read model: history pages are read from it by (stream, cursor) (S13, S15). */
export function threadMessagesProjection(
  overrides: { topics?: readonly string[]; collection?: string } = {},
): Projection {
  return defineProjection({
    name: 'thread-messages',
    topics: overrides.topics ?? [eventsTopic('conversation')],
    collection: overrides.collection ?? THREAD_MESSAGES_COLLECTION,
    schemaVersion: 1,
    async setup(collection) {
      await collection.createIndex({ streamId: 1, cursor: 1 });
    },
    async apply(raw, ctx) {
      const thread = asThreadEvent(raw);
      if (!thread) return;
      const { event, contactId } = thread;
      const write = (message: ThreadMessage, mergedFrom?: string) =>
        ctx.applyOnce(
          {
            _id: messageDocumentId(contactId, message.messageId),
            streamId: event.streamId,
            streamVersion: event.streamVersion,
          },
          {
            $set: {
              ...message,
              applicationId: event.tenantId,
              contactId,
              ...(mergedFrom === undefined ? {} : { mergedFrom }),
            },
          },
        );
      switch (event.type) {
        case 'conversation.message-sent':
          await write(threadMessageView(messageOf(event)));
          return;
        case 'conversation.conversation-merged':
          for (const message of event.payload.messages) {
            await write(threadMessageView(message), event.payload.fromContactId);
          }
          return;
        default:
          return;
      }
    },
  });
}
