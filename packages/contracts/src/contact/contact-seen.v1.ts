import { z } from 'zod';
import { defineEvent } from '../envelope';
import { ContactRef } from './contact-ref';

/**
 * The contact was active: an authentication or a message of its own. Kept to the minute, so a
 * chatting contact records at most one a minute (plus its first message, which S9b needs).
 */
export const ContactSeenV1 = defineEvent(
  'contact.contact-seen',
  1,
  z.strictObject({
    contactId: ContactRef,
    /** When the activity happened: the `occurredAt` of the event that showed it. */
    at: z.iso.datetime({ offset: false }),
    via: z.enum(['authentication', 'message']),
  }),
);
