import { z } from 'zod';
import { ApplicationId } from '../tenancy';
import { CustomAttributeChanges, CustomAttributeValue } from '../contact/custom-attribute';
import { ContactId } from './conversation-api';

/**
 * The contact service's internal HTTP API (port 3002), called only by the gateway, which has
 * checked the caller (a widget session or a signed-in agent of the application's organization).
 */

export {
  CustomAttributeChanges,
  CustomAttributeKey,
  CustomAttributeValue,
  MAX_CUSTOM_ATTRIBUTES,
} from '../contact/custom-attribute';

/** `PATCH /internal/contacts/:applicationId/:contactId/attributes`; null removes a key. */
export const SetCustomAttributesBody = z.strictObject({ attributes: CustomAttributeChanges });
export type SetCustomAttributesBody = z.infer<typeof SetCustomAttributesBody>;

/** `PATCH /internal/contacts/:applicationId/:contactId/profile` (`updateUser`, S11). */
export const UpdateProfileBody = z.strictObject({
  email: z.email().max(254).optional(),
  name: z.string().trim().min(1).max(255).optional(),
  phone: z.string().trim().min(1).max(64).optional(),
  company: z.string().trim().min(1).max(255).optional(),
});
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;

/** `POST /internal/contacts/pre-chat`: an anonymous visitor filled in the pre-chat form (S4, S9b). */
export const SubmitPreChatFormBody = z.strictObject({
  applicationId: ApplicationId,
  contactId: ContactId,
  name: z.string().trim().min(1).max(255),
  email: z.email().max(254),
});
export type SubmitPreChatFormBody = z.infer<typeof SubmitPreChatFormBody>;

export const ContactView = z.object({
  contactId: z.string(),
  applicationId: z.string(),
  userId: z.string().nullable(),
  /** The name on file, or the generated `Adjective Animal (anonym)` one (S5). */
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  company: z.string(),
  /** Listed in Contacts (S9). */
  authenticated: z.boolean(),
  source: z.enum(['widget', 'pre-chat', 'import']),
  customAttributes: z.record(z.string(), CustomAttributeValue),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime().nullable(),
});
export type ContactView = z.infer<typeof ContactView>;

/** `GET /internal/contacts/:applicationId?q=&authenticated=&cursor=&limit=`, sorted by last seen. */
export const ContactListQuery = z.strictObject({
  q: z.string().trim().max(255).optional(),
  authenticated: z.enum(['true', 'false']).optional(),
  cursor: z.string().min(1).max(512).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;

export const ContactPage = z.object({
  contacts: z.array(ContactView),
  nextCursor: z.string().nullable(),
});
export type ContactPage = z.infer<typeof ContactPage>;

/** At most this many refused rows are listed in an import's report; the rest are counted. */
export const MAX_LISTED_IMPORT_ERRORS = 100;

/** One refused CSV row (S10): its line number in the file and every reason. */
export const ImportRowError = z.object({ line: z.number().int().positive(), reason: z.string() });

/**
 * `POST /internal/contacts/:applicationId/imports` with the CSV as the body (`text/csv`)
 * answers 202 with this; `GET /internal/contacts/:applicationId/imports/:importId` polls it.
 */
export const ImportStatus = z.object({
  importId: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  rowsRead: z.number().int().nonnegative(),
  rowsImported: z.number().int().nonnegative(),
  rowsUnchanged: z.number().int().nonnegative(),
  errors: z.array(ImportRowError),
  /** Errors beyond the ones listed are only counted, so a bad file cannot fill memory. */
  errorCount: z.number().int().nonnegative(),
  failure: z.string().optional(),
  /** Progress: bytes of the file read so far. */
  bytesRead: z.number().int().nonnegative(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ImportStatus = z.infer<typeof ImportStatus>;

/** `GET /internal/contacts/:applicationId/imports`: the application's latest imports, newest first. */
export const ImportList = z.object({ imports: z.array(ImportStatus) });
export type ImportList = z.infer<typeof ImportList>;
