import type { AggregateRepository, CachedAggregates } from '@threadline/eventing';
import type { ContactCommand, ContactEvent, ContactState } from '../../domain';

/** The contact aggregate's streams (`contact-<contactId>`). */
export type ContactRepository = AggregateRepository<ContactState, ContactCommand, ContactEvent>;

export const CONTACT_REPOSITORY = Symbol('CONTACT_REPOSITORY');

/**
 * The same streams decided on the state this process last saw: a command that appends costs no
 * stream read, and the store still refuses an append decided on state another writer has moved.
 */
export type RememberedContacts = Pick<
  CachedAggregates<ContactState, ContactCommand, ContactEvent>,
  'execute'
>;

export const REMEMBERED_CONTACTS = Symbol('REMEMBERED_CONTACTS');
