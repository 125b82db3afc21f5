import { z } from 'zod';
import { defineEvent } from '../envelope';
import { UserId, UserProfile } from '../profile';
import { ContactRef } from './contact-ref';
import { CustomAttributes } from './custom-attribute';

export const MAX_IMPORTED_ROWS_PER_EVENT = 1000;

/** One good CSV row that is new or changed (S10); unchanged rows are not recorded again. */
export const ImportedContactRow = z.strictObject({
  contactId: ContactRef,
  /** The row's line in the file (the header is line 1): a later line of the same contact wins. */
  line: z.number().int().min(2),
  kind: z.enum(['user', 'email']),
  userId: UserId.optional(),
  profile: UserProfile,
  attributes: CustomAttributes,
});
export type ImportedContactRow = z.infer<typeof ImportedContactRow>;

/**
 * S10, on the import's own stream `import-<importId>`: one batch of rows, so a million rows are a
 * thousand commits, not a million. Each row names its contact (`contactId`).
 */
export const ContactsImportedV1 = defineEvent(
  'contact.contacts-imported',
  1,
  z.strictObject({
    /** UUIDv7: time-ordered, so of two imports of one contact the later-started one wins. */
    importId: z.uuid({ version: 'v7' }),
    batch: z.number().int().positive(),
    rows: z.array(ImportedContactRow).min(1).max(MAX_IMPORTED_ROWS_PER_EVENT),
  }),
);
