import { createHash } from 'node:crypto';
import type { mongo } from 'mongoose';

/**
 * JSON with object keys sorted, so two documents with the same content give the same text
 * whatever order their fields were written in. BSON types that JSON would blur are tagged:
 * a Date is not the string of its ISO form, an ObjectId not its hex.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) return `{"$number":"${String(value)}"}`;
      // -0 and 0 are one value to a reader of the read model.
      return JSON.stringify(Object.is(value, -0) ? 0 : value);
    case 'bigint':
      return `{"$long":"${value.toString()}"}`;
    case 'string':
      return JSON.stringify(value);
    case 'object':
      return canonicalObject(value);
    default:
      throw new TypeError(`cannot hash a ${typeof value}`);
  }
}

function canonicalObject(value: object): string {
  if (value instanceof Date) {
    return `{"$date":${JSON.stringify(Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString())}}`;
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (value instanceof Uint8Array) {
    return `{"$binary":"${Buffer.from(value).toString('base64')}"}`;
  }
  const bsonType = (value as { _bsontype?: unknown })._bsontype;
  if (typeof bsonType === 'string') return canonicalBson(bsonType, value);
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

function canonicalBson(bsonType: string, value: object): string {
  switch (bsonType) {
    case 'ObjectId':
      return `{"$oid":"${(value as mongo.ObjectId).toHexString()}"}`;
    case 'Binary':
      return `{"$binary":"${(value as mongo.Binary).toString('base64')}"}`;
    case 'Long':
      return `{"$long":"${value.toString()}"}`;
    case 'Double':
    case 'Int32':
      return canonicalJson((value as { valueOf(): number }).valueOf());
    default:
      return `{"$${bsonType.toLowerCase()}":${JSON.stringify(value.toString())}}`;
  }
}

/** How a collection's content is compared: the number of documents and a hash of them all. */
export interface ContentFingerprint {
  count: number;
  /** sha256 (hex) of the canonical JSON of every document, in `_id` order, one per line. */
  hash: string;
}

/** Fingerprints documents given in `_id` order. */
export async function fingerprintDocuments(
  documents: Iterable<unknown> | AsyncIterable<unknown>,
): Promise<ContentFingerprint> {
  const hash = createHash('sha256');
  let count = 0;
  for await (const document of documents) {
    hash.update(canonicalJson(document));
    hash.update('\n');
    count++;
  }
  return { count, hash: hash.digest('hex') };
}

/** Fingerprints a whole collection; a missing collection is an empty one. */
export function fingerprintCollection(
  collection: mongo.Collection<mongo.Document>,
): Promise<ContentFingerprint> {
  return fingerprintDocuments(collection.find({}).sort({ _id: 1 }));
}
