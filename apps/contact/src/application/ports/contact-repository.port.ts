import type { AggregateRepository } from '@threadline/eventing';
import type { ContactCommand, ContactEvent, ContactState } from '../../domain';

/** The contact aggregate's streams (`contact-<contactId>`). */
export type ContactRepository = AggregateRepository<ContactState, ContactCommand, ContactEvent>;

export const CONTACT_REPOSITORY = Symbol('CONTACT_REPOSITORY');
