import { contactIdOf, contactStreamId, type KnownEvent } from '@threadline/contracts';
import {
  canonicalJson,
  createProjectionContext,
  type ProjectionDocument,
} from '@threadline/eventing';
import { endpointsFromEnv, uniqueName } from '@threadline/testing';
import mongoose, { type mongo } from 'mongoose';
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
  let connection: mongoose.Connection;
  let db: mongo.Db;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(endpointsFromEnv().mongodbUri, {
        dbName: uniqueName('contact_projection').replace(/-/g, '_'),
        retryWrites: false,
      })
      .asPromise();
    if (!connection.db) throw new Error('no db');
    db = connection.db;
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

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

  it('given every event applied twice, then the documents are unchanged', async () => {
    const once = await contents(await project(orders[2]!));
    const twice = await contents(await project([...orders[2]!, ...orders[2]!]));
    expect(twice).toEqual(once);
  });
});
