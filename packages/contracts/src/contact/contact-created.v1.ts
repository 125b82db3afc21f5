import { z } from 'zod';
import { defineEvent } from '../envelope';
import { UserId, UserProfile } from '../profile';
import { ContactKind, ContactRef } from './contact-ref';

/**
 * A contact's stream opened: a user's first init (S9a), an anonymous visitor's start or pre-chat
 * form (S4), or the first change to a contact so far known only from a CSV import (S10).
 */
export const ContactCreatedV1 = defineEvent(
  'contact.contact-created',
  1,
  z.strictObject({
    contactId: ContactRef,
    kind: ContactKind,
    userId: UserId.optional(),
    /** S5: `Adjective Animal (anonym)`, shown while no name is on file. */
    generatedName: z.string().min(1).max(255).optional(),
    profile: UserProfile,
    source: z.enum(['widget', 'pre-chat', 'import']),
    /** Listed in Contacts (S9): users and imported contacts are; anonymous visitors are not yet. */
    authenticated: z.boolean(),
  }),
);
