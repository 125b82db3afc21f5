import type { ContactListQuery, ContactPage, ContactView } from '@threadline/contracts';
import type { ImportedContact } from '../../domain';

/** The `contacts` read model, as queries and commands need it. */
export interface ContactsReadModel {
  /** The contact as agents see it; a merged visitor's id answers with the user's contact (S12). */
  view(applicationId: string, contactId: string): Promise<ContactView | undefined>;
  /** S14: search, filter and page, newest activity first. */
  list(applicationId: string, query: ContactListQuery): Promise<ContactPage>;
  /** What an import put on file for a contact, when one did. */
  imported(applicationId: string, contactId: string): Promise<ImportedContact | undefined>;
}

export const CONTACTS_READ_MODEL = Symbol('CONTACTS_READ_MODEL');

/** A cursor that does not decode: a 400 naming `cursor`. */
export class InvalidCursorError extends Error {
  readonly field = 'cursor';
  constructor() {
    super('is not a cursor this service issued');
  }
}
