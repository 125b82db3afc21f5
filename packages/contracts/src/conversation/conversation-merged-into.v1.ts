import { z } from 'zod';
import { defineEvent } from '../envelope';

/**
 * S12, the visitor's side of a merge: this thread's messages now live in `intoContactId`'s thread,
 * and this thread takes no more messages (the device is now the user's).
 */
export const ConversationMergedIntoV1 = defineEvent(
  'conversation.conversation-merged-into',
  1,
  z.strictObject({
    contactId: z.string().min(1).max(255),
    intoContactId: z.string().min(1).max(255),
    messageCount: z.number().int().positive(),
  }),
);
