import { DocumentInsertError, InsertBatcher } from './insert-batcher';

/** An insertMany that holds each call until the test releases it, and remembers its batches. */
function heldStore() {
  const batches: string[][] = [];
  const pending: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  const insertMany = (docs: string[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push([...docs]);
      pending.push({ resolve, reject });
    });
  const settle = async (outcome: 'ok' | unknown) => {
    const call = pending.shift()!;
    if (outcome === 'ok') call.resolve();
    else call.reject(outcome);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { batches, insertMany, settle };
}

function outcomes(promises: Promise<void>[]) {
  return Promise.allSettled(promises).then((all) =>
    all.map((o) => (o.status === 'fulfilled' ? 'ok' : (o.reason as { code?: number }).code)),
  );
}

describe('InsertBatcher', () => {
  it('given an idle store, when one document comes, then it is inserted at once, alone', async () => {
    const store = heldStore();
    const batcher = new InsertBatcher(store.insertMany, { maxBatch: 10 });

    const inserted = batcher.insert('a');
    await store.settle('ok');

    await expect(inserted).resolves.toBeUndefined();
    expect(store.batches).toEqual([['a']]);
  });

  it('given an insert in flight, when more documents come, then they go together in the next insert', async () => {
    const store = heldStore();
    const batcher = new InsertBatcher(store.insertMany, { maxBatch: 10 });

    const first = batcher.insert('a');
    const rest = ['b', 'c', 'd'].map((doc) => batcher.insert(doc));
    await store.settle('ok');
    await store.settle('ok');

    await expect(outcomes([first, ...rest])).resolves.toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(store.batches).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('given more waiting than maxBatch, when the store frees up, then they go in batches of maxBatch', async () => {
    const store = heldStore();
    const batcher = new InsertBatcher(store.insertMany, { maxBatch: 2 });

    const all = ['a', 'b', 'c', 'd', 'e'].map((doc) => batcher.insert(doc));
    for (let i = 0; i < 3; i++) await store.settle('ok');

    await expect(outcomes(all)).resolves.toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(store.batches).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
  });

  it('given a batch where one document collides, when it is inserted, then only that caller is refused, with the code', async () => {
    const store = heldStore();
    const batcher = new InsertBatcher(store.insertMany, { maxBatch: 10 });
    const first = batcher.insert('a');
    const batch = ['b', 'c', 'd'].map((doc) => batcher.insert(doc));
    const settled = outcomes([first, ...batch]);
    const refusal = batch[1]!.catch((error: unknown) => error);
    await store.settle('ok');

    await store.settle(
      Object.assign(new Error('bulk'), {
        writeErrors: [{ index: 1, code: 11000, errmsg: 'E11000 duplicate key' }],
        insertedCount: 2,
      }),
    );

    await expect(settled).resolves.toEqual(['ok', 'ok', 11000, 'ok']);
    const error = await refusal;
    expect(error).toBeInstanceOf(DocumentInsertError);
    expect((error as Error).message).toBe('E11000 duplicate key');
  });

  it('given a failure of the whole batch, when it is inserted, then every caller gets that error, and the next batch still goes', async () => {
    const store = heldStore();
    const batcher = new InsertBatcher(store.insertMany, { maxBatch: 10 });
    const lost = new Error('connection reset');
    const first = batcher.insert('a').catch((error: unknown) => error);
    const batch = outcomes(['b', 'c'].map((doc) => batcher.insert(doc)));

    await store.settle(lost);
    await store.settle('ok');

    await expect(first).resolves.toBe(lost);
    await expect(batch).resolves.toEqual(['ok', 'ok']);
  });

  it('given the connection lost mid-insert, which the driver throws as a bulk error listing no write errors, when it is inserted, then no caller is told it succeeded', async () => {
    const store = heldStore();
    const batcher = new InsertBatcher(store.insertMany, { maxBatch: 10 });
    const cut = Object.assign(new Error('connection 3 to 127.0.0.1:27017 closed'), {
      name: 'MongoBulkWriteError',
      writeErrors: [],
      insertedCount: 0,
    });
    const first = batcher.insert('a');
    const batch = ['b', 'c'].map((doc) => batcher.insert(doc).catch((error: unknown) => error));
    await store.settle('ok');

    await store.settle(cut);

    await expect(first).resolves.toBeUndefined();
    await expect(Promise.all(batch)).resolves.toEqual([cut, cut]);
  });

  it('given write errors beside a write concern error, when it is inserted, then no caller is told it succeeded', async () => {
    const store = heldStore();
    const batcher = new InsertBatcher(store.insertMany, { maxBatch: 10 });
    const uncertain = Object.assign(new Error('bulk'), {
      writeErrors: [{ index: 0, code: 11000 }],
      insertedCount: 1,
      writeConcernError: { code: 64, errmsg: 'waiting for replication timed out' },
    });
    const first = batcher.insert('a');
    const batch = ['b', 'c'].map((doc) => batcher.insert(doc).catch((error: unknown) => error));
    await store.settle('ok');

    await store.settle(uncertain);

    await expect(first).resolves.toBeUndefined();
    await expect(Promise.all(batch)).resolves.toEqual([uncertain, uncertain]);
  });

  it('refuses a maxBatch that is not a positive integer', () => {
    const store = heldStore();
    expect(() => new InsertBatcher(store.insertMany, { maxBatch: 0 })).toThrow(
      'maxBatch must be a positive integer, got 0',
    );
  });
});
