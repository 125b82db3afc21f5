import type { EventEnvelope } from '@threadline/contracts';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';

/** What the runner must do with a record. */
export type Expected = 'applied' | 'redelivered' | 'dead-letter' | 'skipped';

/** One record to produce, and what must become of it. */
export interface PlannedRecord {
  kind: string;
  key: string;
  value: Buffer;
  expected: Expected;
  /** Valid events only: the stream and version it moves the catalog to. */
  streamId?: string;
  streamVersion?: number;
}

/** A valid event of a known type whose contract is small and stable. */
export function aSessionEnded(streamId: string, streamVersion: number): EventEnvelope {
  return {
    eventId: uuidv7(),
    type: 'identity.session-ended',
    version: 1,
    occurredAt: '2026-11-23T10:00:00.000Z',
    tenantId: 'app-bad-records',
    streamId,
    streamVersion,
    correlationId: 'corr-bad-records',
    causationId: 'cause-bad-records',
    payload: { sessionId: `s-${streamId}`, reason: 'logout' },
  };
}

/** JSON nested `depth` levels, as text (`JSON.stringify` of such a value overflows the stack). */
function nestedText(depth: number): string {
  return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

/** Each breaks the envelope contract (strict object, typed fields): a dead letter, never a skip. */
const envelopeBreakers: ((e: Record<string, unknown>) => void)[] = [
  (e) => delete e.eventId,
  (e) => delete e.streamId,
  (e) => delete e.streamVersion,
  (e) => delete e.occurredAt,
  (e) => (e.eventId = 42),
  (e) => (e.eventId = 'not-a-uuid'),
  (e) => (e.version = '1'),
  (e) => (e.version = 0),
  (e) => (e.streamVersion = -1),
  (e) => (e.streamVersion = 1.5),
  (e) => (e.occurredAt = 'yesterday'),
  (e) => (e.tenantId = ''),
  (e) => (e.streamId = 'x'.repeat(513)),
  (e) => (e.type = 'Not A Type'),
  (e) => (e.correlationId = null),
  (e) => (e.extra = { sneaky: true }),
];

/** What one generated step adds to the topic; `valid` and `redelivery` are resolved in order. */
export type Step =
  | { kind: 'valid'; stream: number }
  | { kind: 'redelivery'; pick: number }
  | { kind: 'bad'; build: (key: string) => Omit<PlannedRecord, 'key'> };

const bad = (
  kind: string,
  expected: Expected,
  value: Buffer | string,
): Omit<PlannedRecord, 'key'> => ({
  kind,
  expected,
  value: Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8'),
});

const badSteps: fc.Arbitrary<Step>[] = [
  fc.uint8Array({ minLength: 1, maxLength: 600 }).map((bytes) => ({
    kind: 'bad' as const,
    build: () => bad('random bytes', 'dead-letter', Buffer.from(bytes)),
  })),
  fc.constant({
    kind: 'bad' as const,
    build: () => bad('empty value', 'dead-letter', Buffer.alloc(0)),
  }),
  fc.string({ maxLength: 80 }).map((text) => ({
    kind: 'bad' as const,
    build: () => bad('invalid JSON', 'dead-letter', `{"eventId": ${text}`),
  })),
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({
    kind: 'bad' as const,
    build: () => bad('JSON that is no envelope', 'dead-letter', JSON.stringify(value) ?? 'null'),
  })),
  fc.constantFrom(...envelopeBreakers).map((breaker) => ({
    kind: 'bad' as const,
    build: (key: string) => {
      const envelope = aSessionEnded(key, 1) as unknown as Record<string, unknown>;
      breaker(envelope);
      return bad('broken envelope', 'dead-letter', JSON.stringify(envelope));
    },
  })),
  fc
    .constantFrom<unknown>(
      { sessionId: '', reason: 'logout' },
      { reason: 'bored' },
      [],
      null,
      'text',
    )
    .map((payload) => ({
      kind: 'bad' as const,
      build: (key: string) =>
        bad(
          'payload against its contract',
          'dead-letter',
          JSON.stringify({ ...aSessionEnded(key, 1), payload }),
        ),
    })),
  fc.stringMatching(/^[a-z]{1,12}\.[a-z]{1,12}(-[a-z]{1,8})?$/).map((type) => ({
    kind: 'bad' as const,
    build: (key: string) =>
      bad(
        'unknown type',
        'skipped',
        JSON.stringify({ ...aSessionEnded(key, 1), type: `zz${type}` }),
      ),
  })),
  fc.integer({ min: 2, max: 1_000 }).map((version) => ({
    kind: 'bad' as const,
    build: (key: string) =>
      bad(
        'unknown future version',
        'skipped',
        JSON.stringify({ ...aSessionEnded(key, 1), version }),
      ),
  })),
  fc
    .tuple(
      fc.integer({ min: 100_000, max: 600_000 }),
      fc.constantFrom('dead-letter' as const, 'skipped' as const),
    )
    .map(([size, expected]) => ({
      kind: 'bad' as const,
      build: (key: string) => {
        const envelope = {
          ...aSessionEnded(key, 1),
          payload: { sessionId: 'x', reason: 'logout', blob: 'b'.repeat(size) },
        };
        return bad(
          `huge payload (${expected === 'skipped' ? 'unknown type' : 'known type'})`,
          expected,
          JSON.stringify(
            expected === 'skipped' ? { ...envelope, type: 'zz.huge-event' } : envelope,
          ),
        );
      },
    })),
  fc
    .tuple(
      fc.integer({ min: 1_000, max: 10_000 }),
      fc.constantFrom('dead-letter' as const, 'skipped' as const),
    )
    .map(([depth, expected]) => ({
      kind: 'bad' as const,
      build: (key: string) => {
        const marker = '"__DEEP__"';
        const envelope = {
          ...aSessionEnded(key, 1),
          payload: '__DEEP__',
          ...(expected === 'skipped' && { type: 'zz.deep-event' }),
        };
        return bad(
          'deeply nested payload',
          expected,
          JSON.stringify(envelope).replace(marker, nestedText(depth)),
        );
      },
    })),
];

/** Valid events on a few streams, redeliveries of them, and bad records, interleaved. */
export const steps: fc.Arbitrary<Step[]> = fc.array(
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .integer({ min: 0, max: 2 })
        .map((stream) => ({ kind: 'valid' as const, stream })),
    },
    { weight: 1, arbitrary: fc.nat().map((pick) => ({ kind: 'redelivery' as const, pick })) },
    ...badSteps.map((arbitrary) => ({ weight: 1, arbitrary })),
  ),
  { minLength: 1, maxLength: 30 },
);

/** Turns steps into records for run `run`: versions count up per stream, redeliveries repeat. */
export function plan(run: number, generated: Step[]): PlannedRecord[] {
  const versions = [0, 0, 0];
  const sentValid: PlannedRecord[] = [];
  return generated.map((step, i): PlannedRecord => {
    if (step.kind === 'redelivery' && sentValid.length > 0) {
      const original = sentValid[step.pick % sentValid.length]!;
      return { ...original, kind: 'redelivered event', expected: 'redelivered' };
    }
    if (step.kind === 'bad')
      return { key: `junk-${run}-${i}`, ...step.build(`stream-${run}-junk-${i}`) };
    const stream = step.kind === 'valid' ? step.stream : 0;
    const streamId = `stream-${run}-${stream}`;
    const version = ++versions[stream]!;
    const record: PlannedRecord = {
      kind: 'valid event',
      key: streamId,
      value: Buffer.from(JSON.stringify(aSessionEnded(streamId, version))),
      expected: 'applied',
      streamId,
      streamVersion: version,
    };
    sentValid.push(record);
    return record;
  });
}
