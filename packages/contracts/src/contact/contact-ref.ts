import { z } from 'zod';
import { ContactIdPattern } from '../ids';

/** A contact id as `contactIdOf` makes it; every contact event names the contact it concerns. */
export const ContactRef = z.string().regex(ContactIdPattern, 'must be a contact id');

/** Who a contact is: a `user_id`, an anonymous visitor, or an imported email without `user_id`. */
export const ContactKind = z.enum(['user', 'visitor', 'email']);
