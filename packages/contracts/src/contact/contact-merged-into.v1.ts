import { z } from 'zod';
import { UserId } from '../profile';
import { defineEvent } from '../envelope';
import { ContactRef } from './contact-ref';

/**
 * S12, on the visitor's contact stream: it closes, pointing at the user's contact; later activity
 * of the visitor goes there. Written before the user's `contacts-merged`.
 */
export const ContactMergedIntoV1 = defineEvent(
  'contact.contact-merged-into',
  1,
  z.strictObject({
    contactId: ContactRef,
    intoContactId: ContactRef,
    userId: UserId,
  }),
);
