import { connectToFreshDatabase, dropAndClose } from '@threadline/testing';
import type { Connection } from 'mongoose';
import { insertAllNew } from '../src/infrastructure/mongo/duplicate-keys';

describe('insertAllNew on the real store', () => {
  let connection: Connection;

  beforeAll(async () => {
    connection = await connectToFreshDatabase('insert_all_new');
  });

  afterAll(() => dropAndClose(connection));

  it.each([1, 3, 4])(
    'given ids 2 and 7 of 10 on file, when inserting in %i part(s), then those two indexes come back and the rest are written',
    async (parts) => {
      const collection = connection.db!.collection<{ _id: string; n: number }>(`docs_${parts}`);
      await collection.insertMany([
        { _id: 'id-2', n: -1 },
        { _id: 'id-7', n: -1 },
      ]);
      const documents = Array.from({ length: 10 }, (_, n) => ({ _id: `id-${n}`, n }));

      const taken = await insertAllNew(collection, documents, parts);

      expect(taken).toEqual([2, 7]);
      const stored = await collection.find({}).toArray();
      expect(stored.map((d) => [d._id, d.n]).sort()).toEqual(
        documents.map((d) => [d._id, [2, 7].includes(d.n) ? -1 : d.n]).sort(),
      );
    },
  );
});
