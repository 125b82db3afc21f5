import { z } from 'zod';
import { defineEvent } from '../envelope';
import { ContactRef } from './contact-ref';

/** An anonymous visitor filled in the pre-chat form (S4); with a first message it is S9b. */
export const PreChatFormSubmittedV1 = defineEvent(
  'contact.pre-chat-form-submitted',
  1,
  z.strictObject({
    contactId: ContactRef,
    name: z.string().min(1).max(255),
    email: z.email().max(254),
  }),
);
