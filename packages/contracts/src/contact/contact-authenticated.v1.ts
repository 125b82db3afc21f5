import { z } from 'zod';
import { defineEvent } from '../envelope';
import { ContactRef } from './contact-ref';

/** An anonymous visitor joined Contacts: pre-chat form and a first message (S9b). */
export const ContactAuthenticatedV1 = defineEvent(
  'contact.contact-authenticated',
  1,
  z.strictObject({
    contactId: ContactRef,
    via: z.literal('pre-chat-and-message'),
  }),
);
