import {
  canonicalJson,
  captureEndOffsets,
  readRanges,
  type ContentFingerprint,
} from '@threadline/eventing';
import type { KafkaClient } from '@threadline/kafka-client';
import { storedEnvelopes, uniqueName } from '@threadline/testing';
import type { mongo } from 'mongoose';

type Doc = Record<string, unknown> & { _id: unknown };

/** One field of one document that the live and the rebuilt collection hold differently. */
export interface FieldDifference {
  _id: string;
  /** Dotted path; '' when the whole document is on one side only. */
  field: string;
  live: string;
  rebuilt: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    typeof (value as { _bsontype?: unknown })._bsontype !== 'string'
  );
}

/** Field paths whose canonical JSON differs, descending into objects (absent and undefined are one). */
function fieldDifferences(
  live: unknown,
  rebuilt: unknown,
  path: string,
  into: FieldDifference[],
  id: string,
) {
  if (isPlainObject(live) && isPlainObject(rebuilt)) {
    const keys = [...new Set([...Object.keys(live), ...Object.keys(rebuilt)])].sort();
    for (const key of keys) {
      fieldDifferences(live[key], rebuilt[key], path ? `${path}.${key}` : key, into, id);
    }
    return;
  }
  const a = live === undefined ? '(absent)' : canonicalJson(live);
  const b = rebuilt === undefined ? '(absent)' : canonicalJson(rebuilt);
  if (a !== b) into.push({ _id: id, field: path, live: a, rebuilt: b });
}

/**
 * Where two snapshots of a projection differ, field by field, by `_id`: what to print when a
 * replay's fingerprint does not match, since a hash only says that something differs.
 */
export function documentDifferences(
  live: readonly Doc[],
  rebuilt: readonly Doc[],
): FieldDifference[] {
  const byId = (docs: readonly Doc[]) => new Map(docs.map((d) => [canonicalJson(d._id), d]));
  const a = byId(live);
  const b = byId(rebuilt);
  const differences: FieldDifference[] = [];
  for (const id of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const l = a.get(id);
    const r = b.get(id);
    if (!l || !r) {
      differences.push({
        _id: id,
        field: '',
        live: l ? canonicalJson(l) : '(absent)',
        rebuilt: r ? canonicalJson(r) : '(absent)',
      });
      continue;
    }
    fieldDifferences(l, r, '', differences, id);
  }
  return differences;
}

export function snapshot(collection: mongo.Collection<mongo.Document>): Promise<Doc[]> {
  return collection.find({}).sort({ _id: 1 }).toArray() as Promise<Doc[]>;
}

/**
 * What led to a mismatch, for the test's output: every record of the topics (partition, offset,
 * stream, version, type, event id) and every commit of the store, both in order.
 */
export async function replayEvidence(
  kafka: KafkaClient,
  topics: readonly string[],
  db: mongo.Db,
): Promise<string> {
  const admin = kafka.admin();
  const ranges = await captureEndOffsets(admin, topics).finally(() => admin.disconnect());
  const records: { at: [string, number, bigint]; line: string }[] = [];
  await readRanges({
    kafka,
    groupId: uniqueName('replay-evidence'),
    ranges,
    async onRecord(record) {
      const event = JSON.parse(String(record.value)) as Record<string, unknown>;
      records.push({
        at: [record.topic, record.partition, BigInt(record.offset)],
        line: [
          `${record.topic}/${record.partition}@${record.offset}`,
          event.streamId,
          `v${String(event.streamVersion)}`,
          event.type,
          event.eventId,
          event.occurredAt,
        ].join(' '),
      });
    },
  });
  const commits = await db
    .collection('commits')
    .find({})
    .sort({ streamId: 1, version: 1 })
    .toArray();
  const commitLines = commits.map((c) =>
    [
      c.streamId,
      `v${String(c.version)}`,
      storedEnvelopes<{ type: string; eventId: string }>(c)
        .map((e) => `${e.type}#${e.eventId}`)
        .join(','),
      `published=${String(c.published)}`,
      `id=${String(c._id)}`,
    ].join(' '),
  );
  return [
    'records (topic/partition@offset stream version type eventId occurredAt):',
    ...records
      .sort(
        ({ at: [t1, p1, o1] }, { at: [t2, p2, o2] }) =>
          t1.localeCompare(t2) || p1 - p2 || (o1 < o2 ? -1 : o1 > o2 ? 1 : 0),
      )
      .map((r) => r.line),
    'commits (stream version events published id):',
    ...commitLines,
  ].join('\n');
}

export function fingerprintLine(name: string, f: ContentFingerprint): string {
  return `${name}: ${f.count} documents, ${f.hash}`;
}
