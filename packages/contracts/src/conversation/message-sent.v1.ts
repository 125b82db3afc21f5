import { z } from 'zod';
import { defineEvent } from '../envelope';

/** A message joined a thread (S13); `clientMessageId` makes a retried send a no-op. */
export const MessageSentV1 = defineEvent(
  'conversation.message-sent',
  1,
  z.strictObject({
    clientMessageId: z.string().min(1).max(128),
    author: z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('user'),
        contactId: z.string().min(1).max(255),
        deviceId: z.string().min(1).max(128),
      }),
      z.strictObject({ kind: z.literal('agent'), agentId: z.string().min(1).max(128) }),
    ]),
    text: z.string().min(1).max(10_000),
  }),
);
