import { z } from 'zod';
import { defineEvent } from '../envelope';

/** Who wrote a message, as it stands on the wire: a device of the thread's contact, or an agent. */
export const MessageAuthorOnWire = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('user'),
    contactId: z.string().min(1).max(255),
    deviceId: z.string().min(1).max(128),
  }),
  z.strictObject({ kind: z.literal('agent'), agentId: z.string().min(1).max(128) }),
]);

/** A message joined a thread (S13); `clientMessageId` makes a retried send a no-op. */
export const MessageSentV1 = defineEvent(
  'conversation.message-sent',
  1,
  z.strictObject({
    clientMessageId: z.string().min(1).max(128),
    author: MessageAuthorOnWire,
    text: z.string().min(1).max(10_000),
    /**
     * The message's id, kept when the thread is merged into another (S12); added as optional in
     * v1. Without it a reader takes the event id.
     */
    messageId: z.string().min(1).max(64).optional(),
    /**
     * When the message was accepted: never earlier than the thread's previous message, so the
     * thread has one order (S13); added as optional in v1. Without it a reader takes `occurredAt`.
     */
    sentAt: z.iso.datetime({ offset: false }).optional(),
  }),
);
