import { ContactAuthenticatedV1 } from './contact-authenticated.v1';
import { ContactCreatedV1 } from './contact-created.v1';
import { ContactMergedIntoV1 } from './contact-merged-into.v1';
import { ContactSeenV1 } from './contact-seen.v1';
import { ContactUpdatedV1 } from './contact-updated.v1';
import {
  ContactsImportedV1,
  ImportedContactRow,
  MAX_IMPORTED_ROWS_PER_EVENT,
} from './contacts-imported.v1';
import { ContactsMergedV1 } from './contacts-merged.v1';
import { CustomAttributesSetV1 } from './custom-attributes-set.v1';
import { PreChatFormSubmittedV1 } from './pre-chat-form-submitted.v1';

export {
  ContactAuthenticatedV1,
  ContactCreatedV1,
  ContactMergedIntoV1,
  ContactSeenV1,
  ContactUpdatedV1,
  ContactsImportedV1,
  ContactsMergedV1,
  CustomAttributesSetV1,
  ImportedContactRow,
  MAX_IMPORTED_ROWS_PER_EVENT,
  PreChatFormSubmittedV1,
};

/** The stream of one import (S10): its batches of rows. */
export function importStreamId(importId: string): string {
  return `import-${importId}`;
}

/** The stream of one contact; the audit finds a contact's events by it or by `payload.contactId`. */
export function contactStreamId(contactId: string): string {
  return `contact-${contactId}`;
}

/** Every published contact event version (`contact.events`). */
export const contactContracts = [
  ContactCreatedV1,
  ContactUpdatedV1,
  PreChatFormSubmittedV1,
  ContactAuthenticatedV1,
  ContactSeenV1,
  CustomAttributesSetV1,
  ContactsMergedV1,
  ContactMergedIntoV1,
  ContactsImportedV1,
] as const;
