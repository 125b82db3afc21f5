import { AggregateRepository, InMemoryEventStore, type EventStore } from '@threadline/eventing';
import { cursorOf, MessageNotFoundError, threadDecider, type SendMessage } from '../../domain';
import { CachingThreadRepository } from './caching-thread-repository';
import { threadCodec } from './thread.codec';

const STREAM = 'thread-usr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const metadata = { tenantId: 'app-1', correlationId: 'corr', causationId: 'cause' };
let n = 0;
const aSend = (overrides: Partial<SendMessage> = {}): SendMessage => ({
  kind: 'send',
  applicationId: 'app-1',
  contactId: 'usr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  messageId: `m-${++n}`,
  clientMessageId: `c-${n}`,
  sender: { kind: 'user', deviceId: 'phone' },
  text: 'hi',
  now: 1_000 + n,
  ...overrides,
});

/** An in-memory store that counts reads and appends. */
function countingStore() {
  const inner = new InMemoryEventStore();
  const counts = { loads: 0, appends: 0 };
  const store: EventStore = {
    load: (id, options) => {
      counts.loads++;
      return inner.load(id, options);
    },
    append: (id, expected, events) => {
      counts.appends++;
      return inner.append(id, expected, events);
    },
  };
  return { store, counts };
}

const repositoryOn = (store: EventStore) =>
  new CachingThreadRepository(
    new AggregateRepository(store, threadDecider, threadCodec),
    threadDecider,
    { maxThreads: 10, attempts: 5 },
  );

describe('caching thread repository', () => {
  it('decides on the state it last saw instead of reading the stream each time', async () => {
    const { store, counts } = countingStore();
    const threads = repositoryOn(store);
    for (let i = 0; i < 5; i++) await threads.execute(STREAM, aSend(), metadata);
    expect(counts).toEqual({ loads: 1, appends: 5 });
    expect(await store.load(STREAM)).toHaveLength(6);
  });

  it('queues concurrent commands on one thread in one process: none loses a race', async () => {
    const { store, counts } = countingStore();
    const threads = repositoryOn(store);
    await Promise.all(Array.from({ length: 20 }, () => threads.execute(STREAM, aSend(), metadata)));
    expect(counts.appends).toBe(20);
    expect(await store.load(STREAM)).toHaveLength(21);
  });

  it('given another process appended meanwhile, then the append is refused, the stream reread, and the command decided again', async () => {
    const { store } = countingStore();
    const here = repositoryOn(store);
    const elsewhere = repositoryOn(store);
    await here.execute(STREAM, aSend(), metadata);
    await elsewhere.execute(STREAM, aSend({ clientMessageId: 'from-elsewhere' }), metadata);
    await here.execute(STREAM, aSend({ clientMessageId: 'from-elsewhere' }), metadata);
    await here.execute(STREAM, aSend(), metadata);
    const sent = (await store.load(STREAM)).filter((e) => e.type === 'conversation.message-sent');
    expect(sent.map((e) => e.payload.clientMessageId)).toEqual([
      'c-' + (n - 3),
      'from-elsewhere',
      'c-' + n,
    ]);
  });

  it('given a refusal on remembered state, then it is checked again on fresh state', async () => {
    const { store } = countingStore();
    const here = repositoryOn(store);
    const elsewhere = repositoryOn(store);
    await here.execute(STREAM, aSend(), metadata);
    const other = aSend({ now: 5_000 });
    await elsewhere.execute(STREAM, other, metadata);
    const read = {
      kind: 'mark-read' as const,
      applicationId: 'app-1',
      contactId: other.contactId,
      side: 'agent' as const,
      upTo: cursorOf(5_000, other.messageId),
    };
    await expect(here.execute(STREAM, read, metadata)).resolves.toMatchObject({ toVersion: 4 });
    await expect(
      here.execute(STREAM, { ...read, upTo: 'no-such-message' }, metadata),
    ).rejects.toBeInstanceOf(MessageNotFoundError);
  });
});
