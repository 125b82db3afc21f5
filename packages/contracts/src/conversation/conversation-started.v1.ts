import { z } from 'zod';
import { defineEvent } from '../envelope';

/** The one thread of an (application, contact) pair was opened (S3). */
export const ConversationStartedV1 = defineEvent(
  'conversation.conversation-started',
  1,
  z.strictObject({
    contactId: z.string().min(1).max(255),
  }),
);
