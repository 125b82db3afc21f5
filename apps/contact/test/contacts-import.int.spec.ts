import { contactIdOf } from '@threadline/contracts';
import { endpointsFromEnv, uniqueName } from '@threadline/testing';
import mongoose from 'mongoose';
import {
  eventsOf,
  eventually,
  getJson,
  startContactService,
  type ContactServiceUnderTest,
  type Json,
} from './contact-service.harness';

const header = 'user_id,email,name,phone,company,plan,seats:number,vip';
const firstFile = [
  header,
  'u-1,ann@example.com,Ann,+100,Acme,pro,3,true',
  'u-2,bob@example.com,Bob,,,free,1,false',
  ',carl@example.com,Carl,,Carlco,,,',
  'u-4,not-an-email,Dan,,,,,',
  'u-5,eve@example.com,Eve,,,,many,',
  ',,Nameless,,,,,',
  'u-2,bob@example.com,Bobby,,,free,1,false',
  'u-1,ann@example.com,Ann,+100,Acme,pro,3,true',
  'u-7,gus@example.com,Gus',
  'u-8,"hal@example.com",Hal,,,"gold, plus",2,',
  '',
].join('\n');

const firstReport = {
  state: 'done',
  rowsRead: 10,
  rowsImported: 4,
  rowsUnchanged: 0,
  errorCount: 6,
  errors: [
    { line: 5, reason: 'email: must be an email address' },
    { line: 6, reason: 'seats: must be a number' },
    { line: 7, reason: 'user_id or email is required' },
    { line: 8, reason: 'duplicate: an earlier row of the file has this user_id' },
    { line: 9, reason: 'duplicate: an earlier row of the file has this user_id' },
    { line: 10, reason: 'has 3 fields; the header has 8' },
  ],
};

describe('CSV import (S10, S9c) on the real broker and store', () => {
  let service: ContactServiceUnderTest;
  const applicationId = uniqueName('app');
  const events = eventsOf(applicationId);
  const ids = {
    u1: contactIdOf(applicationId, { kind: 'user', userId: 'u-1' }),
    u2: contactIdOf(applicationId, { kind: 'user', userId: 'u-2' }),
    carl: contactIdOf(applicationId, { kind: 'email', email: 'carl@example.com' }),
    u8: contactIdOf(applicationId, { kind: 'user', userId: 'u-8' }),
  };
  const base = () => `${service.url}/internal/contacts/${applicationId}`;

  const importCsv = async (csv: string, contentType = 'text/csv') => {
    const response = await fetch(`${base()}/imports`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: csv,
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const listed = async () => {
    const page = await getJson(`${base()}?authenticated=true&limit=100`);
    return (page.body.contacts as { contactId: string }[]).sort((a, b) =>
      a.contactId < b.contactId ? -1 : 1,
    );
  };
  const settled = (expected: (contacts: Json[]) => boolean, what: string) =>
    eventually(async () => {
      const contacts = await listed();
      return expected(contacts) ? contacts : undefined;
    }, what);

  const imported = (contactId: string, fields: Record<string, unknown>) => ({
    contactId,
    applicationId,
    userId: null,
    name: '',
    email: '',
    phone: '',
    company: '',
    authenticated: true,
    source: 'import',
    customAttributes: {},
    createdAt: expect.any(String),
    lastSeenAt: null,
    ...fields,
  });
  const expectedContacts = (u2Name: string) =>
    [
      imported(ids.u1, {
        userId: 'u-1',
        name: 'Ann',
        email: 'ann@example.com',
        phone: '+100',
        company: 'Acme',
        customAttributes: { plan: 'pro', seats: 3, vip: true },
      }),
      imported(ids.u2, {
        userId: 'u-2',
        name: u2Name,
        email: 'bob@example.com',
        customAttributes: { plan: 'free', seats: 1, vip: false },
      }),
      imported(ids.carl, { name: 'Carl', email: 'carl@example.com', company: 'Carlco' }),
      imported(ids.u8, {
        userId: 'u-8',
        name: 'Hal',
        email: 'hal@example.com',
        customAttributes: { plan: 'gold, plus', seats: 2 },
      }),
    ].sort((a, b) => (a.contactId < b.contactId ? -1 : 1));

  beforeAll(async () => {
    service = await startContactService();
  });

  afterAll(async () => {
    await service?.stop();
    await service?.dispose();
  });

  it('imports the good rows and reports the bad ones by line and column', async () => {
    const answer = await importCsv(firstFile);
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({
      importId: expect.any(String),
      ...firstReport,
      bytesRead: Buffer.byteLength(firstFile),
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
    });
    const status = await getJson(`${base()}/imports/${answer.body.importId}`);
    expect(status.body).toEqual(answer.body);
    expect((await getJson(`${base()}/imports`)).body.imports).toEqual([answer.body]);

    const contacts = await settled((c) => c.length === 4, 'the imported contacts');
    expect(contacts).toEqual(expectedContacts('Bob'));
  });

  it('re-importing the same file records nothing and changes nothing', async () => {
    const before = await listed();
    const answer = await importCsv(firstFile);
    expect(answer.body).toMatchObject({ ...firstReport, rowsImported: 0, rowsUnchanged: 4 });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await listed()).toEqual(before);
  });

  it('a changed row updates its contact; importing the old file again changes it back', async () => {
    const changed = await importCsv(`${header}\nu-2,bob@example.com,Bobby,,,free,1,false\n`);
    expect(changed.body).toMatchObject({ rowsRead: 1, rowsImported: 1, rowsUnchanged: 0 });
    await settled(
      (c) => c.find((x) => x.contactId === ids.u2)?.name === 'Bobby',
      'the changed row',
    );
    const reverted = await importCsv(firstFile);
    expect(reverted.body).toMatchObject({ rowsImported: 1, rowsUnchanged: 3 });
    const contacts = await settled(
      (c) => c.find((x) => x.contactId === ids.u2)?.name === 'Bob',
      'the reverted row',
    );
    expect(contacts).toEqual(expectedContacts('Bob'));
  });

  it('a later widget init with the same user_id attaches to the imported contact', async () => {
    await service.publish(service.topics.identity, [
      events.userAuthenticated('u-1', {
        profile: { name: 'Ann Init', email: 'ann@example.com' },
        at: '2026-11-23T10:00:00.000Z',
      }),
    ]);
    const view = await eventually(async () => {
      const answer = await getJson(`${base()}/${ids.u1}`);
      return answer.body.lastSeenAt ? answer.body : undefined;
    }, 'the init on the imported contact');
    expect(view).toEqual({
      ...expectedContacts('Bob').find((c) => c.contactId === ids.u1),
      name: 'Ann Init',
      lastSeenAt: '2026-11-23T10:00:00.000Z',
    });
    expect(await listed()).toHaveLength(4);
    // The imported values stay below what the user's own init said.
    const again = await importCsv(firstFile);
    expect(again.body).toMatchObject({ rowsImported: 0, rowsUnchanged: 4 });
    expect((await getJson(`${base()}/${ids.u1}`)).body.name).toBe('Ann Init');
  });

  it('refuses a file it cannot import with a 400 or 415 naming why, before recording anything', async () => {
    expect(await importCsv('name,phone\nAnn,1\n')).toMatchObject({
      status: 400,
      body: { field: 'header', message: 'header: needs a user_id or an email column' },
    });
    expect((await importCsv('')).body).toMatchObject({
      field: 'header',
      message: 'header: the file is empty: no header row',
    });
    expect(await importCsv('user_id\nu-1\n', 'text/plain')).toMatchObject({
      status: 415,
      body: { field: 'content-type' },
    });
    expect((await getJson(`${base()}/imports`)).body.imports).toHaveLength(5);
    expect((await getJson(`${base()}/imports/not-an-id`)).body).toMatchObject({
      statusCode: 400,
      field: 'importId',
    });
  });

  it('gives the same report in batches of two rows (duplicates across batches, two batches in flight)', async () => {
    const small = await startContactService({
      env: {
        ...service.env,
        MONGODB_DATABASE: `${service.env.MONGODB_DATABASE}_small`,
        PROJECTION_GROUP_PREFIX: uniqueName('test-contact-small'),
        CONTACT_IMPORT_BATCH_ROWS: '2',
      },
      topics: service.topics,
    });
    try {
      const response = await fetch(`${small.url}/internal/contacts/${uniqueName('app')}/imports`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: firstFile,
      });
      expect(await response.json()).toMatchObject(firstReport);
    } finally {
      await small.stop();
    }
  });

  describe('the ledger on the store: one document per contact', () => {
    const connections: mongoose.Connection[] = [];
    const connect = async (dbName: string) => {
      const connection = await mongoose
        .createConnection(endpointsFromEnv().mongodbUri, { dbName, retryWrites: false })
        .asPromise();
      connections.push(connection);
      return connection;
    };
    const ledgerIds = async (connection: mongoose.Connection, importId: string) =>
      (await connection.collection('contact_import_ledger').find({ importId }).toArray())
        .map((doc) => String(doc._id))
        .sort();
    const post = async (url: string, body: string) =>
      (await (
        await fetch(url, { method: 'POST', headers: { 'content-type': 'text/csv' }, body })
      ).json()) as Json;

    afterAll(async () => {
      for (const connection of connections) await connection.close();
    });

    it('imports 3,000 rows once, then records only the 150 that changed', async () => {
      const bigApp = uniqueName('app');
      const big = `${service.url}/internal/contacts/${bigApp}`;
      const csv = (renamedEvery: number) =>
        [
          'user_id,email,name,plan',
          ...Array.from({ length: 3_000 }, (_, i) => {
            const name = renamedEvery > 0 && i % renamedEvery === 0 ? `Renamed ${i}` : `Name ${i}`;
            return `big-${i},big${i}@example.com,${name},free`;
          }),
          '',
        ].join('\n');

      const first = await post(`${big}/imports`, csv(0));
      expect(first).toMatchObject({ state: 'done', rowsRead: 3_000, rowsImported: 3_000 });
      const again = await post(`${big}/imports`, csv(0));
      expect(again).toMatchObject({ state: 'done', rowsImported: 0, rowsUnchanged: 3_000 });
      const changed = await post(`${big}/imports`, csv(20));
      expect(changed).toMatchObject({ state: 'done', rowsImported: 150, rowsUnchanged: 2_850 });

      const db = await connect(service.env.MONGODB_DATABASE as string);
      expect(await ledgerIds(db, again.importId)).toEqual([]);
      expect(await ledgerIds(db, first.importId)).toHaveLength(2_850);
      expect(await ledgerIds(db, changed.importId)).toHaveLength(150);
      const renamed = contactIdOf(bigApp, { kind: 'user', userId: 'big-40' });
      await eventually(async () => {
        const answer = await getJson(`${big}/${renamed}`);
        return answer.body.name === 'Renamed 40' ? answer.body : undefined;
      }, 'a renamed contact');
    });

    it('at start, forgets the unfinished batches of an interrupted import, marks it failed and drops the replaced collections', async () => {
      const db = await connect(`${service.env.MONGODB_DATABASE}_restart`);
      const appId = uniqueName('app');
      const importId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
      const [kept, unfinished, other] = ['r-1', 'r-2', 'r-3'].map((userId) =>
        contactIdOf(appId, { kind: 'user', userId }),
      ) as [string, string, string];
      const replaced = [
        'contact_import_rows',
        'contact_import_contacts',
        'contact_import_claims_0190a1b2',
      ];
      for (const name of replaced) await db.collection(name).insertOne({ seeded: true });
      await db.collection('contact_imports').insertOne({
        _id: importId as never,
        applicationId: appId,
        state: 'running',
        rowsRead: 3,
        rowsImported: 1,
        rowsUnchanged: 0,
        errors: [],
        errorCount: 0,
        bytesRead: 60,
        batchesWritten: 1,
        startedAt: '2026-11-23T10:00:00.000Z',
        finishedAt: null,
      });
      await db.collection('contact_import_ledger').insertMany([
        { _id: kept as never, hash: 'old', importId, batch: 1 },
        { _id: unfinished as never, hash: 'old', importId, batch: 2 },
        { _id: other as never, hash: 'old', importId: 'another-import', batch: 2 },
      ]);

      const restarted = await startContactService({
        env: {
          ...service.env,
          MONGODB_DATABASE: db.name,
          PROJECTION_GROUP_PREFIX: uniqueName('test-contact-restart'),
        },
        topics: service.topics,
      });
      try {
        const imports = `${restarted.url}/internal/contacts/${appId}/imports`;
        expect((await getJson(`${imports}/${importId}`)).body).toMatchObject({
          state: 'failed',
          failure: expect.stringMatching(/^interrupted/),
          finishedAt: expect.any(String),
        });
        expect(await ledgerIds(db, importId)).toEqual([kept]);
        expect(await ledgerIds(db, 'another-import')).toEqual([other]);
        const names = (await db.listCollections()).map((collection) => collection.name);
        expect(names.filter((name) => replaced.includes(name))).toEqual([]);

        // The forgotten contact is new again; the kept one has other content on file: changed.
        const file = 'user_id,name\nr-1,One\nr-2,Two\n';
        const reimport = await post(imports, file);
        expect(reimport).toMatchObject({ state: 'done', rowsImported: 2, rowsUnchanged: 0 });
        expect(await ledgerIds(db, reimport.importId)).toEqual([kept, unfinished].sort());
        expect(await post(imports, file)).toMatchObject({ rowsImported: 0, rowsUnchanged: 2 });
      } finally {
        await restarted.stop();
        await db.dropDatabase();
      }
    });
  });
});
