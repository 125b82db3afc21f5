import { z } from 'zod';
import { defineEvent } from '../envelope';
import { UserProfile } from '../profile';
import { ContactRef } from './contact-ref';

/** Profile fields that changed (S2 init, S11 `updateUser`); only the changed ones are named. */
export const ContactUpdatedV1 = defineEvent(
  'contact.contact-updated',
  1,
  z.strictObject({
    contactId: ContactRef,
    profile: UserProfile,
    generatedName: z.string().min(1).max(255).optional(),
    via: z.enum(['authentication', 'profile-update', 'visitor-start']),
  }),
);
