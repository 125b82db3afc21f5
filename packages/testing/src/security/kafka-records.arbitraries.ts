import type { EventEnvelope } from '@threadline/contracts';
import fc from 'fast-check';
import { hostileString, invalidUtf8, nested } from './bad-input.arbitraries';

/** What a consumer must do with a record (`packages/eventing`, projection runner). */
export type RecordFate = 'applied' | 'redelivered' | 'dead-letter' | 'skipped';

/** One record to produce, and what must become of it. */
export interface RecordDraft {
  kind: string;
  /** Undefined: the event's stream id, as producers key events. */
  key?: string;
  value: Buffer;
  headers?: Record<string, string>;
  fate: RecordFate;
}

/** Keys a producer may send: none to speak of, binary, huge, or the usual stream id (undefined). */
export const recordKeys: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u0000', 'null', '💥', '../../x') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 4_000 }).map((n) => 'k'.repeat(n)) },
);

/** Headers no consumer should act on, including ones that pretend to be a dead letter's. */
export const recordHeaders: fc.Arbitrary<Record<string, string> | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.dictionary(
      fc.oneof(
        fc.constantFrom('dlt-kind', 'dlt-reason', 'dlt-source-offset', 'content-type', 'type', ''),
        fc.string({ maxLength: 20 }),
      ),
      fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('invalid', '-1')),
      { maxKeys: 4 },
    ),
  },
);

/** Text a store cannot keep as it is: NUL (PostgreSQL) or an unpaired surrogate (BSON). */
export function storable(text: string): boolean {
  return !text.includes('\u0000') && !/\p{Cs}/u.test(text);
}

/** A hostile string for a free-text field of at most `max` characters (longer would not pass). */
export const hostileText = (max: number): fc.Arbitrary<string> =>
  hostileString.filter((s) => s.length >= 1 && s.length <= max);

/** Each breaks the envelope contract (strict object, typed fields): a dead letter, never a skip. */
const envelopeBreakers: [string, (e: Record<string, unknown>) => void][] = [
  ['no eventId', (e) => delete e.eventId],
  ['no streamId', (e) => delete e.streamId],
  ['no streamVersion', (e) => delete e.streamVersion],
  ['no tenantId', (e) => delete e.tenantId],
  ['no occurredAt', (e) => delete e.occurredAt],
  ['eventId a number', (e) => (e.eventId = 42)],
  ['eventId no UUIDv7', (e) => (e.eventId = 'not-a-uuid')],
  ['version a string', (e) => (e.version = '1')],
  ['version 0', (e) => (e.version = 0)],
  ['streamVersion -1', (e) => (e.streamVersion = -1)],
  ['streamVersion 1.5', (e) => (e.streamVersion = 1.5)],
  ['occurredAt no time', (e) => (e.occurredAt = 'yesterday')],
  ['tenantId empty', (e) => (e.tenantId = '')],
  ['tenantId 129 characters', (e) => (e.tenantId = 't'.repeat(129))],
  ['streamId 513 characters', (e) => (e.streamId = 'x'.repeat(513))],
  ['type no type', (e) => (e.type = 'Not A Type')],
  ['correlationId null', (e) => (e.correlationId = null)],
  ['extra field', (e) => (e.extra = { sneaky: true })],
  [
    '__proto__ field',
    (e) => Object.defineProperty(e, '__proto__', { value: { a: 1 }, enumerable: true }),
  ],
];

const draft = (
  kind: string,
  fate: RecordFate,
  value: Buffer | string,
): Omit<RecordDraft, 'key' | 'headers'> => ({
  kind,
  fate,
  value: Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8'),
});

/** `envelope` as JSON with one string value replaced by raw bytes (so the text is no UTF-8). */
function withBytesIn(
  envelope: EventEnvelope,
  field: 'correlationId',
  bytes: readonly number[],
): Buffer {
  const marker = '__BYTES_HERE__';
  const [before, after] = JSON.stringify({ ...envelope, [field]: marker }).split(marker);
  return Buffer.concat([
    Buffer.from(`${before}a`, 'utf8'),
    Buffer.from(bytes),
    Buffer.from(`b${after}`, 'utf8'),
  ]);
}

/**
 * Every kind of bad record, built from a valid event of a known type whose payload has required
 * fields (`valid()` makes a fresh one; its tenant should mark it as junk, so a write from it
 * shows). Unknown types and future versions must be skipped; all else dead-lettered.
 */
export function badRecords(valid: () => EventEnvelope): fc.Arbitrary<RecordDraft>[] {
  const json = (e: unknown) => JSON.stringify(e) ?? 'null';
  return [
    fc
      .uint8Array({ minLength: 1, maxLength: 600 })
      .map((bytes) => draft('random bytes', 'dead-letter', Buffer.from(bytes))),
    fc.constant(draft('empty value', 'dead-letter', Buffer.alloc(0))),
    fc
      .string({ maxLength: 80 })
      .map((text) => draft('invalid JSON', 'dead-letter', `{"eventId": ${text}`)),
    fc
      .jsonValue({ maxDepth: 3 })
      .map((value) => draft('JSON that is no envelope', 'dead-letter', json(value))),
    fc.constantFrom(...envelopeBreakers).map(([, breaker]) => {
      const envelope = valid() as unknown as Record<string, unknown>;
      breaker(envelope);
      return draft('broken envelope', 'dead-letter', json(envelope));
    }),
    fc
      .constantFrom<unknown>({}, [], null, 'text', 42, { sneaky: true })
      .map((payload) =>
        draft('payload against its contract', 'dead-letter', json({ ...valid(), payload })),
      ),
    fc
      .stringMatching(/^[a-z]{1,12}\.[a-z]{1,12}(-[a-z]{1,8})?$/)
      .map((type) => draft('unknown type', 'skipped', json({ ...valid(), type: `zz${type}` }))),
    fc
      .oneof(fc.constant(99), fc.integer({ min: 2, max: 1_000 }))
      .map((version) => draft('unknown future version', 'skipped', json({ ...valid(), version }))),
    invalidUtf8.map((bytes) =>
      draft(
        'valid event with bytes that are no UTF-8',
        'dead-letter',
        withBytesIn(valid(), 'correlationId', bytes),
      ),
    ),
    fc
      .tuple(
        fc.integer({ min: 100_000, max: 600_000 }),
        fc.constantFrom('dead-letter' as const, 'skipped' as const),
      )
      .map(([size, fate]) => {
        const event = valid();
        const huge = {
          ...event,
          payload: { ...(event.payload as object), blob: 'b'.repeat(size) },
        };
        return draft(
          `huge value (${fate === 'skipped' ? 'unknown type' : 'known type'})`,
          fate,
          json(fate === 'skipped' ? { ...huge, type: 'zz.huge-event' } : huge),
        );
      }),
    fc
      .tuple(
        fc.integer({ min: 1_000, max: 10_000 }),
        fc.constantFrom('dead-letter' as const, 'skipped' as const),
      )
      .map(([depth, fate]) => {
        const marker = '"__DEEP__"';
        const envelope = {
          ...valid(),
          payload: '__DEEP__',
          ...(fate === 'skipped' && { type: 'zz.deep-event' }),
        };
        return draft(
          'deeply nested payload',
          fate,
          json(envelope).replace(marker, nested(depth, 'mixed')),
        );
      }),
  ];
}

/** A bad record with a generated key and headers. */
export function badRecord(valid: () => EventEnvelope): fc.Arbitrary<RecordDraft> {
  return fc
    .tuple(fc.oneof(...badRecords(valid)), recordKeys, recordHeaders)
    .map(([record, key, headers]) => ({ ...record, key: key ?? valid().streamId, headers }));
}
