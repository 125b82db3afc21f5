import { z } from 'zod';
import { defineEvent } from '../envelope';
import { UserProfile } from '../profile';
import { ContactRef } from './contact-ref';
import { CustomAttributes } from './custom-attribute';

/**
 * S12, on the user's contact stream: an anonymous visitor who logged in was merged into the user.
 * Carries what the user's contact took from the visitor's: profile fields the user lacked and
 * attribute keys only the visitor had (the user's own values win).
 */
export const ContactsMergedV1 = defineEvent(
  'contact.contacts-merged',
  1,
  z.strictObject({
    /** The user's contact, which stays. */
    contactId: ContactRef,
    /** The visitor's contact, which no longer appears on its own. */
    mergedContactId: ContactRef,
    visitorId: z.string().min(1).max(128),
    profile: UserProfile,
    attributes: CustomAttributes,
  }),
);
