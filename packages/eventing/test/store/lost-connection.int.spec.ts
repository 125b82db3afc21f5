import { endpointsFromEnv, uniqueName } from '@threadline/testing';
import mongoose, { type Connection } from 'mongoose';
import { ConcurrencyError, MongoEventStore } from '../../src';
import { CuttingProxy } from './cutting-proxy';
import { aConversationStarted, aMessageSent } from './thread.fixture';

/**
 * A store that dies mid-append (kill -9 of FerretDB) leaves the driver with a lost connection.
 * Whether the commit was stored is then unknown, so the append must fail: a caller told "stored"
 * answers its client and publishes a commit that may not exist, and the stream forks from what
 * was acknowledged (the fault test lost an acknowledged message so).
 */
describe('MongoEventStore when the connection to the store is lost mid-append', () => {
  let proxy: CuttingProxy;
  let connection: Connection;
  let store: MongoEventStore;
  let n = 0;
  const streamId = () => `cut-thread-${++n}-${Date.now().toString(36)}`;
  const commitsOf = (id: string) =>
    connection.db!.collection('commits').find({ streamId: id }).sort({ version: 1 }).toArray();

  beforeAll(async () => {
    const target = new URL(endpointsFromEnv().mongodbUri);
    proxy = await CuttingProxy.start({ host: target.hostname, port: Number(target.port || 27017) });
    connection = await mongoose
      .createConnection(`mongodb://127.0.0.1:${proxy.port}/`, {
        dbName: uniqueName('lost_connection').replace(/-/g, '_'),
        retryWrites: false,
        directConnection: true,
      })
      .asPromise();
    store = new MongoEventStore(connection);
    await store.init();
  });
  afterAll(async () => {
    await connection.dropDatabase().catch(() => undefined);
    await connection.close();
    await proxy.close();
  });

  it('given the connection cut before the store read the insert, when appending, then the append fails, nothing is stored, and the same version is appended after', async () => {
    const id = streamId();
    await store.append(id, 0, [aConversationStarted()]);
    // Only the insert carries the message: the read before it (retried on its own) is let through.
    const message = `m-${id}`;
    const cut = proxy.cutNext(message, 'before-the-store');

    const append = store.append(id, 1, [aMessageSent({ clientMessageId: message })]);

    await expect(append).rejects.toThrow();
    await cut;
    expect((await commitsOf(id)).map((c) => c.version)).toEqual([1]);
    await store.append(id, 1, [aMessageSent({ clientMessageId: message })]);
    expect((await store.load(id)).map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('given the connection cut after the store inserted but before it answered, when appending, then the append fails, and appending that version again is a lost race', async () => {
    const id = streamId();
    await store.append(id, 0, [aConversationStarted()]);
    const message = `m-${id}`;
    const cut = proxy.cutNext(message, 'before-the-answer');

    const append = store.append(id, 1, [aMessageSent({ clientMessageId: message })]);

    await expect(append).rejects.toThrow();
    await cut;
    expect((await commitsOf(id)).map((c) => c.version)).toEqual([1, 2]);
    await expect(
      store.append(id, 1, [aMessageSent({ clientMessageId: message })]),
    ).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it('given appends grouped in one insert whose connection is cut, then every one of them fails, and the appends after are stored', async () => {
    const first = streamId();
    const grouped = [streamId(), streamId(), streamId()];
    const alone = store.append(first, 0, [aConversationStarted()]);
    // Queued while the first insert is in flight: they go together in the next one.
    const cut = proxy.cutNext(grouped[0]!, 'before-the-store');
    const together = grouped.map((id) =>
      store.append(id, 0, [aConversationStarted()]).then(
        () => 'stored',
        () => 'failed',
      ),
    );

    await alone;
    expect(await Promise.all(together)).toEqual(['failed', 'failed', 'failed']);
    await cut;
    for (const id of grouped) expect(await commitsOf(id)).toEqual([]);
    await Promise.all(grouped.map((id) => store.append(id, 0, [aConversationStarted()])));
    for (const id of grouped) expect((await commitsOf(id)).map((c) => c.version)).toEqual([1]);
  });
});
