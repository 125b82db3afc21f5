import type { ContactListQuery } from '@threadline/contracts';
import type { mongo } from 'mongoose';
import { InvalidCursorError } from '../../application/ports/contacts-read-model.port';
import type { ContactDocument } from './contact.document';

/** A position in the list: the last contact of a page, by (seenAt, _id) descending. */
export interface ListPosition {
  seenAt: string;
  contactId: string;
}

export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.seenAt, position.contactId]), 'utf8').toString(
    'base64url',
  );
}

export function decodeCursor(cursor: string): ListPosition {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      typeof parsed[1] === 'string'
    ) {
      return { seenAt: parsed[0], contactId: parsed[1] };
    }
  } catch {
    // falls through to the refusal
  }
  throw new InvalidCursorError();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Matches a profile field as the view shows it: the contact's own value, else the imported one
 * (else, for the name, the generated one).
 */
function shownFieldMatches(
  field: 'name' | 'email' | 'company',
  pattern: RegExp,
): mongo.Filter<ContactDocument>[] {
  const own = `own.${field}`;
  const imported = `importedProfile.${field}`;
  const matches: mongo.Filter<ContactDocument>[] = [
    { [own]: pattern },
    { [own]: { $exists: false }, [imported]: pattern },
  ];
  if (field === 'name') {
    matches.push({
      [own]: { $exists: false },
      [imported]: { $exists: false },
      generatedName: pattern,
    });
  }
  return matches;
}

/** S14: one application's listed contacts, searched, filtered and after the cursor. */
export function contactListFilter(
  applicationId: string,
  query: ContactListQuery,
): mongo.Filter<ContactDocument> {
  const clauses: mongo.Filter<ContactDocument>[] = [];
  if (query.q) {
    const pattern = new RegExp(escapeRegex(query.q), 'i');
    clauses.push({
      $or: [
        { userId: pattern },
        ...shownFieldMatches('name', pattern),
        ...shownFieldMatches('email', pattern),
        ...shownFieldMatches('company', pattern),
      ],
    });
  }
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    clauses.push({
      $or: [
        { seenAt: { $lt: after.seenAt } },
        { seenAt: after.seenAt, _id: { $lt: after.contactId } },
      ],
    });
  }
  return {
    applicationId,
    mergedInto: { $exists: false },
    ...(query.authenticated !== undefined && { authenticated: query.authenticated === 'true' }),
    ...(clauses.length > 0 && { $and: clauses }),
  };
}
