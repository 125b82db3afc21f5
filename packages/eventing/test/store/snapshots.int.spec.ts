import { connectToFreshDatabase, dropAndClose } from '@threadline/testing';
import type { Connection } from 'mongoose';
import {
  AggregateRepository,
  loadWithSnapshot,
  MongoEventStore,
  MongoSnapshotStore,
} from '../../src';
import { metadata, threadCodec, threadDecider } from './thread.fixture';

describe('snapshots on the real store', () => {
  let connection: Connection;
  let events: MongoEventStore;
  let snapshots: MongoSnapshotStore;

  beforeAll(async () => {
    connection = await connectToFreshDatabase('snapshots');
    events = new MongoEventStore(connection);
    snapshots = new MongoSnapshotStore(connection);
    await Promise.all([events.init(), snapshots.init()]);
  });
  afterAll(() => dropAndClose(connection));

  it('only ever moves a snapshot forward', async () => {
    const write = (version: number) =>
      snapshots.write({ streamId: 's-forward', version, schemaVersion: 1, state: { version } });

    await expect(write(5)).resolves.toBe(true);
    await expect(write(3)).resolves.toBe(false);
    await expect(write(5)).resolves.toBe(false);
    await expect(write(8)).resolves.toBe(true);
    expect(await snapshots.read('s-forward')).toEqual({
      streamId: 's-forward',
      version: 8,
      schemaVersion: 1,
      state: { version: 8 },
    });
  });

  it('loading with a snapshot equals the full load, and reads only the commits after it', async () => {
    const policy = { store: snapshots, every: 10, schemaVersion: 1 };
    const withSnapshots = new AggregateRepository(events, threadDecider, threadCodec, {
      snapshots: policy,
    });
    const plain = new AggregateRepository(events, threadDecider, threadCodec);
    await withSnapshots.execute('t-long', { kind: 'start', contactId: 'c-1' }, metadata);
    for (let i = 1; i <= 24; i++) {
      await withSnapshots.execute(
        't-long',
        { kind: 'send', clientMessageId: `m-${i}`, text: `message ${i}` },
        metadata,
      );
    }

    const loaded = await loadWithSnapshot({ events, snapshots }, 't-long', { schemaVersion: 1 });
    expect(loaded.snapshot?.version).toBe(20);
    expect(loaded.events.map((e) => e.streamVersion)).toEqual([21, 22, 23, 24, 25]);
    expect(loaded.version).toBe(25);

    const fromSnapshot = await withSnapshots.load('t-long');
    const full = await plain.load('t-long');
    expect(fromSnapshot.state).toEqual(full.state);
    expect(fromSnapshot.version).toBe(full.version);
  });

  it('ignores a snapshot of another schema version', async () => {
    await events.append('t-schema', 0, [
      { ...threadCodec.encode({ kind: 'started', contactId: 'c' }), ...metadata },
    ]);
    await snapshots.write({ streamId: 't-schema', version: 1, schemaVersion: 1, state: {} });

    const loaded = await loadWithSnapshot({ events, snapshots }, 't-schema', { schemaVersion: 2 });

    expect(loaded.snapshot).toBeNull();
    expect(loaded.events).toHaveLength(1);
  });
});
