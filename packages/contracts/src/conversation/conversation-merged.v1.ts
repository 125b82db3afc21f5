import { z } from 'zod';
import { defineEvent } from '../envelope';
import { MessageAuthorOnWire } from './message-sent.v1';

/** A message carried into another thread as it was: its id, author, text and time are kept. */
export const MergedMessage = z.strictObject({
  messageId: z.string().min(1).max(64),
  clientMessageId: z.string().min(1).max(128),
  author: MessageAuthorOnWire,
  text: z.string().min(1).max(10_000),
  sentAt: z.iso.datetime({ offset: false }),
});

const Cursor = z.string().min(1).max(256);

/** Unread messages per side: written by the other side after that side's read marker. */
export const UnreadCounts = z.strictObject({
  user: z.number().int().nonnegative(),
  agent: z.number().int().nonnegative(),
});

/**
 * S12: an anonymous visitor's conversation joined the user's thread (this stream). A large
 * conversation is carried by several of these in one commit, each small enough for one Kafka
 * record; `unread` is the thread's count after this part.
 */
export const ConversationMergedV1 = defineEvent(
  'conversation.conversation-merged',
  1,
  z.strictObject({
    contactId: z.string().min(1).max(255),
    fromContactId: z.string().min(1).max(255),
    messages: z.array(MergedMessage).min(1).max(100),
    /** What the visitor had read in its own thread: merged messages before it stay read. */
    fromReadUpTo: z.strictObject({ user: Cursor.optional(), agent: Cursor.optional() }),
    unread: UnreadCounts,
  }),
);
