import { contactIdOf, contactStreamId, type KnownEvent } from '@threadline/contracts';
import {
  canonicalJson,
  createProjectionContext,
  isFerretDb,
  type ProjectionDocument,
} from '@threadline/eventing';
import { connectToFreshDatabase, dropAndClose, uniqueName } from '@threadline/testing';
import type { Connection, mongo } from 'mongoose';
import { contactsProjection } from '../src/projections';

const applicationId = 'app-projection';
const u1 = contactIdOf(applicationId, { kind: 'user', userId: 'u-1' });
const u2 = contactIdOf(applicationId, { kind: 'user', userId: 'u-2' });
const importA = '019aaf00-0000-7000-8000-00000000000a';
const importB = '019aaf00-0000-7000-8000-00000000000b';

let seq = 0;
const envelope = (streamId: string, streamVersion: number, occurredAt: string) => ({
  eventId: `019aaf00-0000-7000-8000-${String(++seq).padStart(12, '0')}`,
  version: 1 as const,
  occurredAt,
  tenantId: applicationId,
  streamId,
  streamVersion,
  correlationId: 'corr',
  causationId: 'cause',
});

const u1Stream: KnownEvent[] = [
  {
    ...envelope(contactStreamId(u1), 1, '2026-11-23T10:05:00.000Z'),
    type: 'contact.contact-created',
    payload: {
      contactId: u1,
      kind: 'user',
      userId: 'u-1',
      generatedName: 'Giant Duck (anonym)',
      profile: { email: 'ann@own.example' },
      source: 'widget',
      authenticated: true,
    },
  },
  {
    ...envelope(contactStreamId(u1), 2, '2026-11-23T10:05:00.000Z'),
    type: 'contact.contact-seen',
    payload: { contactId: u1, at: '2026-11-23T10:05:00Z', via: 'authentication' },
  },
  {
    ...envelope(contactStreamId(u1), 3, '2026-11-23T10:06:00.000Z'),
    type: 'contact.custom-attributes-set',
    payload: { contactId: u1, attributes: { plan: 'own-plan', tier: null } },
  },
];
const importedA: KnownEvent = {
  ...envelope(`import-${importA}`, 1, '2026-11-23T10:00:00.000Z'),
  type: 'contact.contacts-imported',
  payload: {
    importId: importA,
    batch: 1,
    rows: [
      {
        contactId: u1,
        line: 2,
        kind: 'user',
        userId: 'u-1',
        profile: { name: 'Ann A', email: 'ann@a.example' },
        attributes: { plan: 'a', tier: 'gold', seats: 1 },
      },
    ],
  },
};
const importedB: KnownEvent = {
  ...envelope(`import-${importB}`, 1, '2026-11-23T10:10:00.000Z'),
  type: 'contact.contacts-imported',
  payload: {
    importId: importB,
    batch: 1,
    rows: [
      {
        contactId: u1,
        line: 3,
        kind: 'user',
        userId: 'u-1',
        profile: { name: 'Ann B', phone: '+1' },
        attributes: { tier: 'silver' },
      },
      {
        contactId: u2,
        line: 4,
        kind: 'user',
        userId: 'u-2',
        profile: { name: 'Bob' },
        attributes: {},
      },
    ],
  },
};

/** Every interleaving of the three sources that keeps each stream in its own order. */
const orders: KnownEvent[][] = [
  [...u1Stream, importedA, importedB],
  [importedB, importedA, ...u1Stream],
  [importedA, u1Stream[0]!, importedB, u1Stream[1]!, u1Stream[2]!],
  [u1Stream[0]!, importedB, u1Stream[1]!, importedA, u1Stream[2]!],
];

describe('contacts projection on the real store', () => {
  let connection: Connection;
  let db: mongo.Db;

  beforeAll(async () => {
    connection = await connectToFreshDatabase('contact_projection');
    if (!connection.db) throw new Error('no db');
    db = connection.db;
  });

  afterAll(() => dropAndClose(connection));

  async function project(events: KnownEvent[]) {
    const projection = contactsProjection();
    const collection = db.collection<ProjectionDocument>(uniqueName('contacts').replace(/-/g, '_'));
    await projection.setup?.(collection);
    const ctx = createProjectionContext(collection, projection.schemaVersion);
    for (const event of events) await projection.apply(event, ctx);
    return collection;
  }
  const contents = async (collection: mongo.Collection<ProjectionDocument>) =>
    (await collection.find({}).sort({ _id: 1 }).toArray()).map((doc) => canonicalJson(doc));

  it('ends in the same documents whatever order the contact stream and two imports arrive in', async () => {
    const results = [];
    for (const order of orders) results.push(await contents(await project(order)));
    for (const result of results.slice(1)) expect(result).toEqual(results[0]);

    const doc = await (await project(orders[0]!)).findOne({ _id: u1 });
    expect(doc).toEqual({
      _id: u1,
      streamId: contactStreamId(u1),
      streamVersion: 3,
      schemaVersion: 1,
      applicationId,
      kind: 'user',
      userId: 'u-1',
      own: { email: 'ann@own.example' },
      ownAttributes: { plan: 'own-plan', tier: null },
      generatedName: 'Giant Duck (anonym)',
      authenticated: true,
      seenAt: '2026-11-23T10:05:00.000Z',
      createdAt: '2026-11-23T10:00:00.000Z',
      streamCreatedAt: '2026-11-23T10:05:00.000Z',
      streamSource: 'widget',
      importKey: `${importB}:0000000003`,
      importedProfile: { name: 'Ann B', phone: '+1' },
      importedAttributes: { tier: 'silver' },
      importedAt: '2026-11-23T10:00:00.000Z',
    });
  });

  it("given a contact's stream and an import of it applied at the same time (as a replay applies streams), then no write is lost", async () => {
    // FerretDB updates a document by reading it and writing it back whole, so two writes to one
    // document at once can lose one: here the import's update and the contact's own events.
    const ids = Array.from({ length: 30 }, (_, i) =>
      contactIdOf(applicationId, { kind: 'user', userId: `c-${i}` }),
    );
    const at = '2026-11-23T11:00:00.000Z';
    const versions = 12;
    // Each event sets its own attribute, so a lost write stays visible.
    const streamOf = (contactId: string, i: number): KnownEvent[] => [
      {
        ...envelope(contactStreamId(contactId), 1, at),
        type: 'contact.contact-created',
        payload: {
          contactId,
          kind: 'user',
          userId: `c-${i}`,
          profile: {},
          source: 'widget',
          authenticated: true,
        },
      },
      ...Array.from({ length: versions - 1 }, (_, k): KnownEvent => ({
        ...envelope(contactStreamId(contactId), k + 2, at),
        type: 'contact.custom-attributes-set',
        payload: { contactId, attributes: { [`v${k + 2}`]: k + 2 } },
      })),
    ];
    const importId = '019aaf00-0000-7000-8000-00000000000c';
    const imported: KnownEvent = {
      ...envelope(`import-${importId}`, 1, at),
      type: 'contact.contacts-imported',
      payload: {
        importId,
        batch: 1,
        rows: ids.map((contactId, i) => ({
          contactId,
          line: i + 2,
          kind: 'user' as const,
          userId: `c-${i}`,
          profile: { name: `C ${i}` },
          attributes: { plan: 'pro' },
        })),
      },
    };
    const projection = contactsProjection();
    const collection = db.collection<ProjectionDocument>(uniqueName('contacts').replace(/-/g, '_'));
    await projection.setup?.(collection);
    const ctx = createProjectionContext(collection, projection.schemaVersion);
    const streams = ids.map(streamOf);
    // Each contact already exists, so the import takes its update path beside the later events.
    await Promise.all(streams.map((events) => projection.apply(events[0]!, ctx)));
    await Promise.all([
      projection.apply(imported, ctx),
      ...streams.map(async (events) => {
        for (const event of events.slice(1)) await projection.apply(event, ctx);
      }),
    ]);

    const docs = await collection.find({}).sort({ _id: 1 }).toArray();
    const expectedAttributes = Object.fromEntries(
      Array.from({ length: versions - 1 }, (_, k) => [`v${k + 2}`, k + 2]),
    );
    const lost = docs.filter(
      (doc) =>
        doc.streamVersion !== versions ||
        canonicalJson(doc.ownAttributes) !== canonicalJson(expectedAttributes) ||
        doc.importKey === '' ||
        doc.importedProfile?.name === undefined,
    );
    expect(lost.map((doc) => doc._id)).toEqual([]);
    expect(docs).toHaveLength(ids.length);
  });

  it('given every event applied twice, then the documents are unchanged', async () => {
    const once = await contents(await project(orders[2]!));
    const twice = await contents(await project([...orders[2]!, ...orders[2]!]));
    expect(twice).toEqual(once);
  });

  it('given the store, then the Contacts list index is the one that store can use', async () => {
    const collection = await project([]);
    const keys = (await collection.listIndexes().toArray()).map((index) => index.key);
    // FerretDB filters through GIN twins and sorts in memory; MongoDB walks the list's order.
    const expected = (await isFerretDb(db))
      ? { applicationId: 1 }
      : { applicationId: 1, seenAt: -1, _id: -1 };
    expect(keys).toContainEqual(expected);
    expect(keys).toHaveLength(2);
  });
});
