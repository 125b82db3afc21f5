import { mongo } from 'mongoose';
import { canonicalJson, fingerprintDocuments } from './content-hash';

describe('canonical JSON', () => {
  it('given the same content in another key order, when serialized, then the text is identical', () => {
    const a = { _id: 's-1', counts: { b: 2, a: 1 }, list: [{ y: 1, x: 2 }] };
    const b = { list: [{ x: 2, y: 1 }], counts: { a: 1, b: 2 }, _id: 's-1' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"_id":"s-1","counts":{"a":1,"b":2},"list":[{"x":2,"y":1}]}');
  });

  it('given a Date and its ISO string, when serialized, then they differ', () => {
    const at = new Date('2026-11-23T10:00:00.000Z');
    expect(canonicalJson({ at })).toBe('{"at":{"$date":"2026-11-23T10:00:00.000Z"}}');
    expect(canonicalJson({ at })).not.toBe(canonicalJson({ at: at.toISOString() }));
  });

  it('given BSON values, when serialized, then they are tagged by type', () => {
    const id = new mongo.ObjectId('65a000000000000000000001');
    expect(canonicalJson(id)).toBe('{"$oid":"65a000000000000000000001"}');
    expect(canonicalJson(mongo.Long.fromString('9007199254740993'))).toBe(
      '{"$long":"9007199254740993"}',
    );
    expect(canonicalJson(new mongo.Binary(Buffer.from('hi')))).toBe('{"$binary":"aGk="}');
  });

  it('treats an undefined field as absent and -0 as 0, like a reader of the document would', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson(-0)).toBe('0');
  });

  it('keeps array order: it is content', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });
});

describe('content fingerprint', () => {
  const docs = [
    { _id: 'a', streamVersion: 1 },
    { _id: 'b', streamVersion: 2 },
  ];

  it('given equal documents, when fingerprinted, then count and hash are equal', async () => {
    const first = await fingerprintDocuments(docs);
    const second = await fingerprintDocuments(
      docs.map((d) => ({ streamVersion: d.streamVersion, _id: d._id })),
    );
    expect(second).toEqual(first);
    expect(first.count).toBe(2);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('given one changed field, when fingerprinted, then the hash differs', async () => {
    const changed = [docs[0], { ...docs[1], streamVersion: 3 }];
    expect((await fingerprintDocuments(changed)).hash).not.toBe(
      (await fingerprintDocuments(docs)).hash,
    );
  });

  it('given no documents, when fingerprinted, then it is the hash of nothing', async () => {
    expect(await fingerprintDocuments([])).toEqual({
      count: 0,
      hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
  });

  it('does not let two documents merge into one: document boundaries are part of the hash', async () => {
    const split = await fingerprintDocuments([{ _id: 'a' }, { _id: 'b' }]);
    const other = await fingerprintDocuments([{ _id: 'a' }, { _id: 'b', x: null }]);
    expect(split.hash).not.toBe(other.hash);
  });
});
