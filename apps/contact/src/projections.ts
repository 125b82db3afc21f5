/** The projections of contact, for operator tools (replay); free of Nest so they load light. */
export { contactsProjection } from './infrastructure/mongo/contacts.projection';
export { CONTACTS_COLLECTION } from './infrastructure/mongo/contact.document';
