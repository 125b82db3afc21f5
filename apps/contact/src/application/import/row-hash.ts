import { createHash } from 'node:crypto';
import type { ImportedContactRow } from '@threadline/contracts';

function sorted(record: Record<string, unknown>): [string, unknown][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** What a row puts on file, hashed: equal for equal content whatever the column order. */
export function rowHash(row: ImportedContactRow): string {
  const content = JSON.stringify([
    row.contactId,
    row.userId ?? null,
    sorted(row.profile),
    sorted(row.attributes),
  ]);
  return createHash('sha256').update(content, 'utf8').digest('base64url').slice(0, 32);
}
