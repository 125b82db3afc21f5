import type { CustomAttributeValue, UserProfile } from '@threadline/contracts';
import type { ProjectionDocument } from '@threadline/eventing';

export const CONTACTS_COLLECTION = 'contacts';

/**
 * One contact in the `contacts` read model. Two layers keep it the same whatever order its sources
 * arrive in (a contact's own stream and CSV imports sit on different partitions): `own*` comes
 * from the contact's stream and wins; `imported*` holds the latest import (highest `importKey`).
 * Fields without a value are absent, never null: FerretDB 1.24 drops null and [] from
 * `$setOnInsert`, and an insert and an upsert must leave the same document.
 */
export interface ContactDocument extends ProjectionDocument {
  applicationId: string;
  kind: 'user' | 'visitor' | 'email';
  userId?: string;
  own: UserProfile;
  /** null hides an imported key the contact removed. */
  ownAttributes: Record<string, CustomAttributeValue | null>;
  generatedName?: string;
  /** Listed in Contacts (S9); only ever turns true. */
  authenticated: boolean;
  /** ISO time of the last recorded activity, '' for never: the sort key of the list. */
  seenAt: string;
  /** ISO time of the earliest event that touched the contact. */
  createdAt: string;
  streamCreatedAt?: string;
  streamSource?: 'widget' | 'pre-chat' | 'import';
  /** `<importId>:<line>` of the import row on file; '' when never imported. */
  importKey: string;
  importedProfile: UserProfile;
  importedAttributes: Record<string, CustomAttributeValue>;
  /** ISO time of the first import that named the contact; absent when never imported. */
  importedAt?: string;
  /** S12: the user's contact this visitor's merged into; such contacts are not listed. */
  mergedInto?: string;
  mergedFrom?: string[];
}

/** The kind a contact id names (`contactIdOf` prefixes). */
export function contactKindOf(contactId: string): ContactDocument['kind'] {
  if (contactId.startsWith('usr_')) return 'user';
  if (contactId.startsWith('eml_')) return 'email';
  return 'visitor';
}

/** An import row's position: later imports (UUIDv7 ids) and later lines win. */
export function importKeyOf(importId: string, line: number): string {
  return `${importId}:${String(line).padStart(10, '0')}`;
}

/** ISO strings in one form, so they sort as times. */
export function isoTime(at: string): string {
  return new Date(at).toISOString();
}
