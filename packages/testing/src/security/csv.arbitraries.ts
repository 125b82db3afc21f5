import fc from 'fast-check';
import { hostileString, invalidUtf8 } from './bad-input.arbitraries';

/** One generated CSV file and what went into it, for the report and the oracle. */
export interface CsvInput {
  kind: string;
  bytes: Buffer;
}

const GOOD_HEADER: string[] = [
  'user_id',
  'email',
  'name',
  'phone',
  'company',
  'plan',
  'seats:number',
];

const headerCell = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...GOOD_HEADER, 'trial:boolean', 'renews:date') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'plan:money',
      'a:b:c',
      '1abc',
      '',
      ' email ',
      'EMAIL',
      'x'.repeat(65),
      '"quoted"',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

const cell = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('', 'u-1', 'ann@alpha.example', 'Ann', '42', 'true') },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 2, arbitrary: hostileString.filter((s) => s.length < 2_000) },
  { weight: 1, arbitrary: fc.constantFrom('not an email', '2027-13-45', '1e999', 'NaN') },
);

/** Quotes a cell when it must be, the way a spreadsheet exports it. */
function quoted(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const eol = fc.constantFrom('\n', '\r\n', '\r');

/** A file built from a header and rows, then maybe broken in one way. */
const structured: fc.Arbitrary<CsvInput> = fc
  .record({
    header: fc.oneof(
      { weight: 3, arbitrary: fc.constant(GOOD_HEADER) },
      {
        weight: 2,
        arbitrary: fc.array(headerCell, { minLength: 1, maxLength: 10 }) as fc.Arbitrary<string[]>,
      },
      // Duplicate, missing key column, too many columns.
      { weight: 1, arbitrary: fc.constant<string[]>(['user_id', 'email', 'email']) },
      { weight: 1, arbitrary: fc.constant<string[]>(['name', 'phone']) },
      {
        weight: 1,
        arbitrary: fc
          .integer({ min: 101, max: 400 })
          .map((n): string[] => ['user_id', ...Array.from({ length: n }, (_, i) => `attr_${i}`)]),
      },
    ),
    rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 9 }), { maxLength: 25 }),
    eol,
    bom: fc.boolean(),
    finalEol: fc.boolean(),
    breakage: fc.constantFrom(
      'none',
      'none',
      'none',
      'open quote',
      'NUL',
      'invalid UTF-8',
      'huge line',
      'no rows',
    ),
    at: fc.nat(),
    bad: invalidUtf8,
  })
  .map(({ header, rows, eol, bom, finalEol, breakage, at, bad }) => {
    const lines = [header, ...(breakage === 'no rows' ? [] : rows)].map((cells) =>
      cells.map(quoted).join(','),
    );
    const row = 1 + (at % Math.max(1, lines.length - 1));
    if (breakage === 'open quote' && lines[row] !== undefined) lines[row] = `"${lines[row]}`;
    if (breakage === 'NUL' && lines[row] !== undefined) lines[row] = `${lines[row]}\u0000x`;
    if (breakage === 'huge line') lines.splice(row, 0, `u-huge,${'h'.repeat(1_100_000)}`);
    let text = lines.join(eol) + (finalEol ? eol : '');
    if (bom) text = `\ufeff${text}`;
    let bytes = Buffer.from(text, 'utf8');
    if (breakage === 'invalid UTF-8') {
      const lineStart = Buffer.from(lines.slice(0, row).join(eol) + eol, 'utf8').length;
      const cut = Math.min(bytes.length, lineStart + 2);
      bytes = Buffer.concat([bytes.subarray(0, cut), Buffer.from(bad), bytes.subarray(cut)]);
    }
    return { kind: breakage === 'none' ? 'structured' : breakage, bytes };
  });

/** CSV files of every kind a user or an attacker could upload. */
export const csvFiles: fc.Arbitrary<CsvInput> = fc.oneof(
  { weight: 6, arbitrary: structured },
  {
    weight: 1,
    arbitrary: fc
      .uint8Array({ minLength: 0, maxLength: 3_000 })
      .map((b) => ({ kind: 'random bytes', bytes: Buffer.from(b) })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { kind: 'empty', bytes: Buffer.alloc(0) },
      { kind: 'BOM only', bytes: Buffer.from('\ufeff') },
      { kind: 'header only', bytes: Buffer.from('user_id,email\r\n') },
      { kind: 'NUL only', bytes: Buffer.from([0, 0, 0]) },
      {
        kind: 'open quote',
        bytes: Buffer.from('user_id,email\n"u-1,a@b.example\nu-2,c@d.example\n'),
      },
    ),
  },
);
