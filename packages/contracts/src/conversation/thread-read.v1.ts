import { z } from 'zod';
import { defineEvent } from '../envelope';
import { UnreadCounts } from './conversation-merged.v1';

/**
 * One side of a thread read it up to a message (`upTo`, that message's cursor); `unread` is what
 * that side still has unread afterwards (the other side's messages after the marker).
 */
export const ThreadReadV1 = defineEvent(
  'conversation.thread-read',
  1,
  z.strictObject({
    contactId: z.string().min(1).max(255),
    side: z.enum(['user', 'agent']),
    upTo: z.string().min(1).max(256),
    unread: UnreadCounts.shape.user,
  }),
);
