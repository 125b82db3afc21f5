import { CustomAttributeKey, MAX_CUSTOM_ATTRIBUTES } from '@threadline/contracts';

/** The profile columns S10 names; any other column is a custom attribute. */
export const KNOWN_COLUMNS = ['user_id', 'email', 'name', 'phone', 'company'] as const;
export type KnownColumn = (typeof KNOWN_COLUMNS)[number];

export const ATTRIBUTE_TYPES = ['string', 'number', 'boolean', 'date'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export type Column =
  | { kind: 'known'; name: KnownColumn }
  /** `type` when the header says `key:type`; otherwise the value's form decides. */
  | { kind: 'attribute'; key: string; type?: AttributeType };

/** A header the import cannot go on with: a 400 naming the header. */
export class CsvHeaderError extends Error {
  readonly field = 'header';
}

function columnOf(cell: string, position: number): Column {
  const text = cell.trim();
  const lower = text.toLowerCase();
  if ((KNOWN_COLUMNS as readonly string[]).includes(lower)) {
    return { kind: 'known', name: lower as KnownColumn };
  }
  const [key = '', type, ...rest] = text.split(':');
  if (
    rest.length > 0 ||
    (type !== undefined && !(ATTRIBUTE_TYPES as readonly string[]).includes(type))
  ) {
    throw new CsvHeaderError(
      `column ${position} "${text.slice(0, 80)}": a type must be one of ${ATTRIBUTE_TYPES.join(', ')} (key:type)`,
    );
  }
  if (!CustomAttributeKey.safeParse(key).success) {
    throw new CsvHeaderError(
      `column ${position} "${text.slice(0, 80)}" is neither ${KNOWN_COLUMNS.join(', ')} nor a custom attribute key (1-64 of A-Z a-z 0-9 _ -, starting with a letter)`,
    );
  }
  return { kind: 'attribute', key, ...(type !== undefined && { type: type as AttributeType }) };
}

/** Reads the header row (S10): known columns, custom attributes, no repeats, a key column. */
export function columnsOf(header: readonly string[]): Column[] {
  const columns = header.map((cell, index) => columnOf(cell, index + 1));
  const names = columns.map((c) => (c.kind === 'known' ? c.name : c.key));
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) throw new CsvHeaderError(`column "${repeated}" appears twice`);
  if (!names.includes('user_id') && !names.includes('email')) {
    throw new CsvHeaderError('needs a user_id or an email column');
  }
  const attributes = columns.filter((c) => c.kind === 'attribute').length;
  if (attributes > MAX_CUSTOM_ATTRIBUTES) {
    throw new CsvHeaderError(
      `has ${attributes} custom attribute columns; a contact has at most ${MAX_CUSTOM_ATTRIBUTES}`,
    );
  }
  return columns;
}
