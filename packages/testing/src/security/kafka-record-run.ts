import type { EventEnvelope } from '@threadline/contracts';
import fc from 'fast-check';
import type { mongo } from 'mongoose';
import type { KafkaRecordFeed, ParkedRecord } from './kafka-record-feed';
import { jsonLogLines } from './kafka-record-feed';
import { storable, type RecordDraft } from './kafka-records.arbitraries';

/*
 * The parts of a service's bad-records suite every service shares: planning a run's records,
 * counting what became of them, and the oracle checks that do not depend on the service's own
 * read models (each suite keeps those).
 */

/** One record of a run: where it goes, and the event when it is a valid one. */
export interface PlannedRecord<T extends string> extends RecordDraft {
  topic: T;
  key: string;
  event?: EventEnvelope;
}

/** A generated step's key, headers and seed, as `recordKeys`, `recordHeaders` and an integer draw them. */
export type Drawn<S> = [S, string | undefined, Record<string, string> | undefined, number];

/** Steps every suite has; the valid ones are the suite's own. */
export type SharedStep<T extends string> =
  | { kind: 'redelivery'; pick: number }
  | { kind: 'bad'; topic: T; record: (junkTenant: string) => fc.Arbitrary<RecordDraft> };

/**
 * Turns generated steps into records: a redelivery repeats an applied record (or, before any,
 * is a valid step: `valid(undefined, i)`), a bad step samples its record (made from an event of
 * `junkTenant`) with its own seed, so the whole run shrinks as one value; a valid step is the
 * suite's (`valid`).
 */
export function planRecords<T extends string, S extends { kind: string }>(
  generated: Drawn<S | SharedStep<T>>[],
  junkTenant: string,
  valid: (step: S | undefined, i: number) => Omit<PlannedRecord<T>, 'key'>,
): PlannedRecord<T>[] {
  const sent: PlannedRecord<T>[] = [];
  return generated.map(([step, key, headers, seed], i): PlannedRecord<T> => {
    if (step.kind === 'redelivery') {
      const { pick } = step as { pick: number };
      const original = sent[pick % Math.max(1, sent.length)];
      if (original) return { ...original, kind: 'valid event redelivered', fate: 'redelivered' };
    }
    if (step.kind === 'bad') {
      const bad = step as SharedStep<T> & { kind: 'bad' };
      const [record] = fc.sample(bad.record(junkTenant), { seed, numRuns: 1 });
      return { ...record!, topic: bad.topic, key: record!.key ?? '' };
    }
    const planned = valid(step.kind === 'redelivery' ? undefined : (step as S), i);
    const record = {
      ...planned,
      key: key ?? planned.event?.streamId ?? `k${i}`,
      ...(headers && { headers }),
    };
    if (record.fate === 'applied') sent.push(record);
    return record;
  });
}

/**
 * A valid event carrying a generated `text` (undefined: none): applied, or a dead letter when no
 * store can keep the text (the suite puts such an event in its junk tenant).
 */
export function validEventDraft<T extends string>(
  topic: T,
  text: string | undefined,
  event: EventEnvelope,
): Omit<PlannedRecord<T>, 'key'> {
  const ok = text === undefined || storable(text);
  return {
    kind:
      text === undefined
        ? 'valid event'
        : ok
          ? 'valid event, hostile string'
          : 'valid event, string no store keeps',
    topic,
    value: Buffer.from(JSON.stringify(event), 'utf8'),
    fate: ok ? 'applied' : 'dead-letter',
    ...(ok && { event }),
  };
}

/** What a run sent (by kind and topic) and what became of it, for the summary lines. */
export class RecordTally {
  readonly kinds = new Map<string, number>();
  readonly outcomes = new Map<string, number>();
  readonly topics = new Map<string, number>();
  private readonly started = Date.now();

  static add(map: Map<string, number>, key: string, n = 1): void {
    map.set(key, (map.get(key) ?? 0) + n);
  }

  sent(records: readonly { kind: string; topic: string }[]): void {
    for (const r of records) {
      RecordTally.add(this.kinds, r.kind);
      RecordTally.add(this.topics, r.topic);
    }
  }

  outcome(what: string, n = 1): void {
    RecordTally.add(this.outcomes, what, n);
  }

  summaryLines(service: string, runs: number, exitCode: number | null | undefined): string[] {
    const list = (map: Map<string, number>) => [...map].map(([k, n]) => `${k} ${n}`).join(', ');
    const total = [...this.kinds.values()].reduce((a, b) => a + b, 0);
    const seconds = Math.round((Date.now() - this.started) / 1000);
    return [
      `bad records (${service}): ${total} records in ${runs} runs, ${list(this.topics)} (${list(this.kinds)})`,
      `bad records (${service}): outcomes: ${list(this.outcomes)}; exit code ${exitCode}; ${seconds} s`,
    ];
  }
}

/** Produces each topic's records in plan order (one partition each); returns each record's offset. */
export async function produceByTopic<R extends PlannedRecord<T>, T extends string>(
  feed: KafkaRecordFeed,
  records: readonly R[],
  topicOf: Record<T, string>,
): Promise<Map<R, string>> {
  const offsets = new Map<R, string>();
  for (const topic of Object.keys(topicOf) as T[]) {
    const mine = records.filter((r) => r.topic === topic);
    if (mine.length === 0) continue;
    const at = await feed.produce(
      topicOf[topic],
      mine.map((r) => ({ key: r.key, value: r.value, ...(r.headers && { headers: r.headers }) })),
    );
    mine.forEach((r, i) => offsets.set(r, at[i]!));
  }
  return offsets;
}

/**
 * Every dead-letter record of `records` (all from `topic`) is parked once by each of `groups`,
 * as an invalid record with a reason and its bytes as sent, and nothing else is. Returns the letters.
 */
export async function expectParked<R extends RecordDraft>(
  feed: KafkaRecordFeed,
  topic: string,
  records: readonly R[],
  offsets: Map<R, string>,
  groups: readonly string[],
): Promise<ParkedRecord[]> {
  const expected = records.filter((r) => r.fate === 'dead-letter');
  const letters = await feed.awaitDeadLetters(
    topic,
    records.map((r) => offsets.get(r)!),
    expected.length * groups.length,
  );
  expect(letters.map((l) => `${l.sourceOffset} ${l.consumerGroup}`).sort()).toEqual(
    expected.flatMap((r) => groups.map((g) => `${offsets.get(r)} ${g}`)).sort(),
  );
  for (const letter of letters) {
    const original = records.find((r) => offsets.get(r) === letter.sourceOffset)!;
    expect(letter.kind).toBe('invalid');
    expect(letter.reason).not.toBe('');
    expect(Buffer.compare(letter.value, original.value)).toBe(0);
  }
  return letters;
}

/** Every skipped record of `records` (all from `topic`) is logged once by each of `consumers`. */
export function expectSkipsLogged<R extends RecordDraft>(
  logs: string,
  topic: string,
  records: readonly R[],
  offsets: Map<R, string>,
  consumers: number,
): number {
  const wanted = new Set(records.map((r) => offsets.get(r)!));
  const skipped = jsonLogLines(logs)
    .filter((e) => e.message === 'skipped event of unknown type' && e.topic === topic)
    .map((e) => String(e.offset))
    .filter((o) => wanted.has(o));
  expect(skipped.sort()).toEqual(
    records
      .filter((r) => r.fate === 'skipped')
      .flatMap((r) => Array.from({ length: consumers }, () => offsets.get(r)!))
      .sort(),
  );
  return skipped.length;
}

/** Applied once: each stream's catalog entry counts its events once, up to its last version. */
export async function expectCatalogApplied(
  db: mongo.Db,
  events: readonly EventEnvelope[],
): Promise<void> {
  const last = new Map<string, EventEnvelope>();
  for (const e of events) last.set(e.streamId, e);
  const catalog = await db
    .collection('stream_catalog')
    .find({ _id: { $in: [...last.keys()] } as never })
    .toArray();
  expect(Object.fromEntries(catalog.map((d) => [d._id, [d.eventCount, d.streamVersion]]))).toEqual(
    Object.fromEntries([...last].map(([id, e]) => [id, [e.streamVersion, e.streamVersion]])),
  );
}
