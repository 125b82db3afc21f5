import { Readable } from 'node:stream';
import { contactIdOf } from '@threadline/contracts';
import { attributeOf } from './attribute-cell';
import { columnsOf, CsvHeaderError } from './csv-columns';
import { csvRecords, type CsvSkip } from './csv-records';
import { rowOf } from './csv-row';
import { rowHash } from './row-hash';

describe('CSV header (S10)', () => {
  it('reads known columns in any case, custom attributes and key:type hints', () => {
    expect(columnsOf([' User_ID', 'EMAIL', 'plan', 'seats:number'])).toEqual([
      { kind: 'known', name: 'user_id' },
      { kind: 'known', name: 'email' },
      { kind: 'attribute', key: 'plan' },
      { kind: 'attribute', key: 'seats', type: 'number' },
    ]);
  });

  it.each([
    [['name', 'phone'], /needs a user_id or an email column/],
    [['user_id', 'user_id'], /"user_id" appears twice/],
    [['user_id', 'bad key'], /column 2 "bad key" is neither/],
    [['user_id', 'seats:int'], /column 2 "seats:int": a type must be one of/],
    [['email', ...Array.from({ length: 101 }, (_, i) => `k${i}`)], /at most 100/],
  ])('refuses %j', (header, message) => {
    expect(() => columnsOf(header)).toThrow(CsvHeaderError);
    expect(() => columnsOf(header)).toThrow(message);
  });
});

describe('CSV cells as typed attributes (S11)', () => {
  it.each([
    ['true', undefined, true],
    ['42', undefined, 42],
    ['-3.5', undefined, -3.5],
    ['01234', undefined, '01234'],
    ['2026-01-02', undefined, { date: '2026-01-02T00:00:00.000Z' }],
    ['2026-01-02T03:04:05+02:00', undefined, { date: '2026-01-02T01:04:05.000Z' }],
    ['hello', undefined, 'hello'],
    ['42', 'string', '42'],
    ['1e3', 'number', 1000],
    ['FALSE', 'boolean', false],
  ] as const)('%s (%s) is %j', (text, type, value) => {
    expect(attributeOf(text, type)).toEqual({ ok: true, value });
  });

  it.each([
    ['x', 'number', 'must be a number'],
    ['yes', 'boolean', 'must be true or false'],
    ['soon', 'date', 'must be an ISO 8601 date or date-time'],
    ['x'.repeat(1025), undefined, 'at most 1024 characters'],
  ] as const)('%s as %s is refused', (text, type, reason) => {
    expect(attributeOf(text, type)).toEqual({ ok: false, reason });
  });
});

describe('CSV rows (S10)', () => {
  const columns = columnsOf(['user_id', 'email', 'name', 'plan', 'seats:number']);

  it('makes a user row keyed by user_id, an email row keyed by email', () => {
    expect(rowOf('app-1', columns, [' u1 ', 'ann@example.com', 'Ann', 'pro', '3'], 2)).toEqual({
      ok: true,
      row: {
        contactId: contactIdOf('app-1', { kind: 'user', userId: 'u1' }),
        line: 2,
        kind: 'user',
        userId: 'u1',
        profile: { email: 'ann@example.com', name: 'Ann' },
        attributes: { plan: 'pro', seats: 3 },
      },
    });
    expect(rowOf('app-1', columns, ['', 'Bob@Example.com', '', '', ''], 3)).toEqual({
      ok: true,
      row: {
        contactId: contactIdOf('app-1', { kind: 'email', email: 'bob@example.com' }),
        line: 3,
        kind: 'email',
        profile: { email: 'Bob@Example.com' },
        attributes: {},
      },
    });
  });

  it('names every problem of a row by its column', () => {
    expect(rowOf('app-1', columns, ['', 'nope', 'n\u0000', 'x', 'many'], 4)).toEqual({
      ok: false,
      reason:
        'name: must not contain NUL characters; seats: must be a number; email: must be an email address',
    });
    expect(rowOf('app-1', columns, ['', '', 'Ann', '', ''], 5)).toEqual({
      ok: false,
      reason: 'user_id or email is required',
    });
    expect(rowOf('app-1', columns, ['u1', 'a@b.example'], 6)).toEqual({
      ok: false,
      reason: 'has 2 fields; the header has 5',
    });
    expect(rowOf('app-1', columns, ['u'.repeat(256), '', '', '', ''], 7)).toEqual({
      ok: false,
      reason: 'user_id: at most 255 characters',
    });
  });

  it('hashes content, not column order', () => {
    const a = rowOf('app-1', columnsOf(['user_id', 'plan', 'tier']), ['u1', 'pro', 'gold'], 2);
    const b = rowOf('app-1', columnsOf(['tier', 'user_id', 'plan']), ['gold', 'u1', 'pro'], 9);
    const c = rowOf('app-1', columnsOf(['user_id', 'plan', 'tier']), ['u1', 'pro', 'silver'], 2);
    if (!a.ok || !b.ok || !c.ok) throw new Error('rows should be valid');
    expect(rowHash(a.row)).toBe(rowHash(b.row));
    expect(rowHash(a.row)).not.toBe(rowHash(c.row));
  });
});

describe('CSV records with line numbers', () => {
  it('numbers lines from the header as 1, across empty lines and quoted line breaks; a stray quote is text, an unclosed one is reported where it opened', async () => {
    const lines = [
      'user_id,name',
      'u1,Ann',
      '',
      'u2,"Bob',
      'Baker"',
      'u3,"bad"x',
      'u4,Dee',
      'u5,"open',
      'u6,Fay',
    ];
    const skipped: CsvSkip[] = [];
    const records = [];
    const body = Readable.from([lines.join('\n')]);
    for await (const record of csvRecords(body, (skip) => skipped.push(skip))) {
      records.push([record.line, record.cells]);
    }
    expect(records).toEqual([
      [1, ['user_id', 'name']],
      [2, ['u1', 'Ann']],
      [4, ['u2', 'Bob\nBaker']],
      [6, ['u3', '"bad"x']],
      [7, ['u4', 'Dee']],
    ]);
    expect(skipped).toEqual([
      { line: 8, reason: 'a quoted field is not closed where it should be (lines 8-9)' },
    ]);
  });
});
