import {
  aConversationStarted,
  metadata,
  threadCodec,
  threadDecider,
  ThreadNotStartedError,
  type ThreadCommand,
} from '../../test/store/thread.fixture';
import type { EventStore } from '../store/event-store.port';
import { InMemoryEventStore } from '../store/in-memory-event-store';
import { AggregateRepository } from './aggregate-repository';
import { CachedAggregates } from './cached-aggregates';

const STREAM = 't1';
let n = 0;
const aSend = (clientMessageId = `c-${++n}`): ThreadCommand => ({
  kind: 'send',
  clientMessageId,
  text: 'hi',
});
const start: ThreadCommand = { kind: 'start', contactId: 'c-1' };

/** An in-memory store that counts reads and appends. */
function countingStore() {
  const inner = new InMemoryEventStore();
  const counts = { loads: 0, appends: 0 };
  const store: EventStore = {
    load: (id, options) => {
      counts.loads++;
      return inner.load(id, options);
    },
    append: (id, expected, events, options) => {
      counts.appends++;
      return inner.append(id, expected, events, options);
    },
  };
  return { store, counts, inner };
}

const cachedOn = (store: EventStore, maxStreams = 10) =>
  new CachedAggregates(new AggregateRepository(store, threadDecider, threadCodec), threadDecider, {
    maxStreams,
    attempts: 5,
    isRefusal: (error) => error instanceof ThreadNotStartedError,
  });

const sentIds = async (store: EventStore) =>
  (await store.load(STREAM))
    .filter((e) => e.type === 'conversation.message-sent')
    .map((e) => (e.payload as { clientMessageId: string }).clientMessageId);

/** Two processes on one stream: `here` started it, then `elsewhere` sent a message it has not seen. */
async function staleHere() {
  const { store } = countingStore();
  const here = cachedOn(store);
  const elsewhere = cachedOn(store);
  await here.execute(STREAM, start, metadata);
  await elsewhere.execute(STREAM, aSend('from-elsewhere'), metadata);
  return { store, here };
}

describe('cached aggregates', () => {
  it('given a stream this process saved, when it decides again, then it reads nothing from the store', async () => {
    const { store, counts, inner } = countingStore();
    await inner.append(STREAM, 0, [aConversationStarted()]);
    const streams = cachedOn(store);

    for (let i = 0; i < 5; i++) await streams.execute(STREAM, aSend(), metadata);

    expect(counts).toEqual({ loads: 1, appends: 5 });
    expect(await inner.load(STREAM)).toHaveLength(6);
  });

  it('given concurrent commands on one stream in one process, then they queue and none loses a race', async () => {
    const { store, counts, inner } = countingStore();
    await inner.append(STREAM, 0, [aConversationStarted()]);
    const streams = cachedOn(store);

    await Promise.all(Array.from({ length: 20 }, () => streams.execute(STREAM, aSend(), metadata)));

    expect(counts.appends).toBe(20);
    expect(await inner.load(STREAM)).toHaveLength(21);
  });

  it('given another process appended meanwhile, then the append is refused, the stream reread, and the command decided again', async () => {
    const { store, here } = await staleHere();

    // Remembered state has not seen from-elsewhere: believed, it would send it a second time.
    await expect(here.execute(STREAM, aSend('from-elsewhere'), metadata)).resolves.toBeNull();
    const mine = aSend();
    await here.execute(STREAM, mine, metadata);

    expect(await sentIds(store)).toEqual([
      'from-elsewhere',
      (mine as { clientMessageId: string }).clientMessageId,
    ]);
  });

  it('given a refusal on remembered state, then it is decided again on fresh state', async () => {
    const { store } = countingStore();
    const here = cachedOn(store);
    const elsewhere = cachedOn(store);
    await expect(here.execute(STREAM, aSend(), metadata)).rejects.toBeInstanceOf(
      ThreadNotStartedError,
    );
    await elsewhere.execute(STREAM, start, metadata);

    await expect(here.execute(STREAM, aSend(), metadata)).resolves.toMatchObject({
      fromVersion: 1,
      toVersion: 2,
    });
  });

  it('given a no-op decided on remembered state, then it is believed only after fresh state agrees', async () => {
    const { store, counts } = countingStore();
    const streams = cachedOn(store);
    await streams.execute(STREAM, start, metadata);
    const loadsBefore = counts.loads;

    await expect(streams.execute(STREAM, start, metadata)).resolves.toBeNull();

    expect(counts.loads).toBe(loadsBefore + 1);
  });

  it('given a no-op the caller declares final, when decided on remembered state, then it is believed without a read', async () => {
    const { store, counts } = countingStore();
    const streams = cachedOn(store);
    await streams.execute(STREAM, start, metadata);
    const loadsBefore = counts.loads;

    await expect(
      streams.execute(STREAM, start, metadata, { noOpIsFinal: true }),
    ).resolves.toBeNull();

    expect(counts.loads).toBe(loadsBefore);
    expect(counts.appends).toBe(1);
  });

  it('given a command declared final that is no no-op on remembered state stale from another process, then the store refuses it and it is decided on fresh state', async () => {
    const { store, here } = await staleHere();

    await here.execute(STREAM, aSend('from-here'), metadata, { noOpIsFinal: true });

    expect(await sentIds(store)).toEqual(['from-elsewhere', 'from-here']);
  });

  it('given more streams than it keeps, then the least recently used one is read again', async () => {
    const { store, counts } = countingStore();
    const streams = cachedOn(store, 2);
    for (const id of ['t1', 't2', 't3']) await streams.execute(id, start, metadata);
    const loadsBefore = counts.loads;

    for (const id of ['t3', 't2', 't1']) await streams.execute(id, aSend(), metadata);

    expect(counts.loads).toBe(loadsBefore + 1);
  });

  it('given fresh is asked for, then the stream is read even when remembered', async () => {
    const { store, counts } = countingStore();
    const streams = cachedOn(store);
    await streams.execute(STREAM, start, metadata);
    const loadsBefore = counts.loads;

    await streams.execute(STREAM, aSend(), metadata, { fresh: true });

    expect(counts.loads).toBe(loadsBefore + 1);
  });
});
