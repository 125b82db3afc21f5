import {
  contactIdOf,
  type CustomAttributeValue,
  type ImportedContactRow,
  type UserProfile,
} from '@threadline/contracts';
import { z } from 'zod';
import { attributeOf } from './attribute-cell';
import type { Column, KnownColumn } from './csv-columns';

const KnownCells = z.object({
  user_id: z.string().max(255, 'at most 255 characters').optional(),
  email: z.email('must be an email address').max(254, 'at most 254 characters').optional(),
  name: z.string().max(255, 'at most 255 characters').optional(),
  phone: z.string().max(64, 'at most 64 characters').optional(),
  company: z.string().max(255, 'at most 255 characters').optional(),
});

export type RowResult = { ok: true; row: ImportedContactRow } | { ok: false; reason: string };

/**
 * Validates one data row (S10, S18): every reason names its column. Cells are trimmed; an empty
 * cell sets nothing. The contact is the `user_id`'s, else the email's (an email-only row never
 * meets a user, even one with that email: `user_id`s are the only identity S2 trusts).
 */
export function rowOf(
  applicationId: string,
  columns: readonly Column[],
  cells: readonly string[],
  line: number,
): RowResult {
  if (cells.length !== columns.length) {
    return { ok: false, reason: `has ${cells.length} fields; the header has ${columns.length}` };
  }
  const reasons: string[] = [];
  const known: Partial<Record<KnownColumn, string>> = {};
  const attributes: Record<string, CustomAttributeValue> = {};
  columns.forEach((column, index) => {
    const text = (cells[index] ?? '').trim();
    const name = column.kind === 'known' ? column.name : column.key;
    if (text === '') return;
    if (text.includes('\u0000')) {
      reasons.push(`${name}: must not contain NUL characters`);
    } else if (column.kind === 'known') {
      known[column.name] = text;
    } else {
      const cell = attributeOf(text, column.type);
      if (cell.ok) attributes[column.key] = cell.value;
      else reasons.push(`${name}: ${cell.reason}`);
    }
  });
  const parsed = KnownCells.safeParse(known);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      reasons.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  if (known.user_id === undefined && known.email === undefined) {
    reasons.push('user_id or email is required');
  }
  if (reasons.length > 0 || !parsed.success) return { ok: false, reason: reasons.join('; ') };
  const { user_id: userId, email, name, phone, company } = parsed.data;
  const profile: UserProfile = {
    ...(email !== undefined && { email }),
    ...(name !== undefined && { name }),
    ...(phone !== undefined && { phone }),
    ...(company !== undefined && { company }),
  };
  const row: ImportedContactRow =
    userId !== undefined
      ? {
          contactId: contactIdOf(applicationId, { kind: 'user', userId }),
          line,
          kind: 'user',
          userId,
          profile,
          attributes,
        }
      : {
          contactId: contactIdOf(applicationId, { kind: 'email', email: email as string }),
          line,
          kind: 'email',
          profile,
          attributes,
        };
  return { ok: true, row };
}
