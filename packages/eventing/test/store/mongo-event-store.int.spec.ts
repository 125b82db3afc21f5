import { connectToFreshDatabase, dropAndClose, storedEnvelopes } from '@threadline/testing';
import { Types, type Connection } from 'mongoose';
import {
  ConcurrencyError,
  CorruptStreamError,
  InvalidAppendError,
  MongoEventStore,
  type AppendResult,
  type NewEvent,
} from '../../src';
import { aConversationStarted, aMessageSent } from './thread.fixture';

describe('MongoEventStore on the real store', () => {
  let connection: Connection;
  let store: MongoEventStore;
  let n = 0;
  const streamId = () => `thread-${++n}`;

  beforeAll(async () => {
    connection = await connectToFreshDatabase('event_store');
    store = new MongoEventStore(connection);
    await store.init();
  });
  afterAll(() => dropAndClose(connection));

  const commits = () => connection.db!.collection('commits');

  it('creates the unique (streamId, version) index and an ordinary index on published', async () => {
    const indexes = await commits().indexes();

    expect(indexes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: { streamId: 1, version: 1 }, unique: true }),
        expect.objectContaining({ key: { published: 1, committedAt: 1 } }),
      ]),
    );
  });

  it('appends one document per commit and loads the events in order', async () => {
    const id = streamId();
    await store.append(id, 0, [aConversationStarted(), aMessageSent({ clientMessageId: 'm-1' })]);
    await store.append(id, 2, [aMessageSent({ clientMessageId: 'm-2' })]);

    const events = await store.load(id);
    expect(events.map((e) => [e.type, e.streamVersion])).toEqual([
      ['conversation.conversation-started', 1],
      ['conversation.message-sent', 2],
      ['conversation.message-sent', 3],
    ]);
    const docs = await commits().find({ streamId: id }).sort({ version: 1 }).toArray();
    expect(
      docs.map((d) => [d.version, d.lastVersion, storedEnvelopes(d).length, d.published]),
    ).toEqual([
      [1, 2, 2, false],
      [3, 3, 1, false],
    ]);
  });

  it("stores a commit's events as one JSON string and still reads commits written as an array", async () => {
    const id = streamId();
    await store.append(id, 0, [aConversationStarted(), aMessageSent({ clientMessageId: 'm-1' })]);
    const [written] = await commits().find({ streamId: id }).toArray();
    expect(typeof written!.events).toBe('string');

    // The form commits had before: the same envelopes as an array of documents.
    const former = streamId();
    await commits().insertOne({
      ...written,
      _id: new Types.ObjectId(),
      streamId: former,
      events: storedEnvelopes(written!).map((e) => ({ ...e, streamId: former })),
    });

    expect((await store.load(former)).map((e) => [e.streamId, e.streamVersion])).toEqual([
      [former, 1],
      [former, 2],
    ]);
  });

  it('given a commit whose events string is damaged, loading its stream names the corruption', async () => {
    const id = streamId();
    await store.append(id, 0, [aConversationStarted()]);
    await commits().updateOne({ streamId: id }, { $set: { events: '[{"eventId":' } });

    await expect(store.load(id)).rejects.toThrow(
      new CorruptStreamError(id, 'events are not JSON: Unexpected end of JSON input'),
    );
  });

  it('loads from a version inside a commit', async () => {
    const id = streamId();
    await store.append(id, 0, [aConversationStarted(), aMessageSent({ clientMessageId: 'm-1' })]);
    await store.append(id, 2, [aMessageSent({ clientMessageId: 'm-2' })]);

    expect((await store.load(id, { fromVersion: 2 })).map((e) => e.streamVersion)).toEqual([2, 3]);
    expect(await store.load(id, { fromVersion: 4 })).toEqual([]);
    expect(await store.load('no-such-stream')).toEqual([]);
  });

  it('refuses an invalid event with a typed error naming it, and writes nothing', async () => {
    const id = streamId();
    const invalid = { ...aMessageSent(), payload: { text: 'no author' } } as NewEvent;

    await expect(store.append(id, 0, [aConversationStarted(), invalid])).rejects.toMatchObject({
      code: 'EVENT_STORE_INVALID_APPEND',
      message: expect.stringContaining('event 1 (conversation.message-sent@1)'),
    });
    await expect(store.append(id, 0, [invalid])).rejects.toBeInstanceOf(InvalidAppendError);
    expect(await commits().countDocuments({ streamId: id })).toBe(0);
  });

  it('given two writers at the same expected version, exactly one commit wins', async () => {
    const id = streamId();
    await store.append(id, 0, [aConversationStarted()]);

    const results = await Promise.allSettled([
      store.append(id, 1, [aMessageSent({ clientMessageId: 'a' })]),
      store.append(id, 1, [aMessageSent({ clientMessageId: 'b' })]),
    ]);

    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(ConcurrencyError);
    expect(lost[0]!.reason).toMatchObject({ code: 'EVENT_STORE_CONCURRENCY', streamId: id });
    expect((await store.load(id)).map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('given 20 concurrent appends at the same version, exactly one wins', async () => {
    const id = streamId();
    await store.append(id, 0, [aConversationStarted()]);

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        store.append(id, 1, [
          aMessageSent({ clientMessageId: `m-${i}` }),
          aMessageSent({ clientMessageId: `m-${i}-b` }),
        ]),
      ),
    );

    const won = results.filter(
      (r): r is PromiseFulfilledResult<AppendResult> => r.status === 'fulfilled',
    );
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.every((r) => r.reason instanceof ConcurrencyError)).toBe(true);
    expect(lost).toHaveLength(19);
    const stored = await store.load(id);
    expect(stored.map((e) => e.eventId)).toEqual([
      expect.any(String),
      ...won[0]!.value.events.map((e) => e.eventId),
    ]);
    expect(await commits().countDocuments({ streamId: id })).toBe(2);
  });

  it('given appends to 30 streams at once, two racing on every third, when they go in shared inserts, then only the racers lose and each stream holds one commit', async () => {
    const ids = Array.from({ length: 30 }, () => streamId());
    const appends = ids.flatMap((id, i) => {
      const first = store.append(id, 0, [aConversationStarted()]);
      return i % 3 === 0 ? [first, store.append(id, 0, [aConversationStarted()])] : [first];
    });

    const results = await Promise.allSettled(appends);

    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost).toHaveLength(10);
    expect(lost.every((r) => r.reason instanceof ConcurrencyError)).toBe(true);
    const perStream = await commits()
      .aggregate<{ _id: string; n: number }>([
        { $match: { streamId: { $in: ids } } },
        { $group: { _id: '$streamId', n: { $sum: 1 } } },
      ])
      .toArray();
    expect(perStream).toHaveLength(30);
    expect(perStream.every((s) => s.n === 1)).toBe(true);
  });

  it('given versions read from the stream (no end-of-commit check), when 10 writers race, then still exactly one wins', async () => {
    const id = streamId();
    await store.append(id, 0, [aConversationStarted()]);

    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        store.append(id, 1, [aMessageSent({ clientMessageId: `r-${i}` })], {
          expectedVersionFromStream: true,
        }),
      ),
    );

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.every((r) => r.status === 'fulfilled' || r.reason instanceof ConcurrencyError),
    ).toBe(true);
    expect((await store.load(id)).map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('refuses an expected version inside a commit or past the end of the stream', async () => {
    const id = streamId();
    await store.append(id, 0, [aConversationStarted(), aMessageSent(), aMessageSent()]);

    await expect(store.append(id, 2, [aMessageSent()])).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(store.append(id, 5, [aMessageSent()])).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(store.append(id, 0, [aMessageSent()])).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(store.append(id, 3, [aMessageSent()])).resolves.toMatchObject({ toVersion: 4 });
  });

  it('assigns UUIDv7 event ids and the clock time', async () => {
    const at = new Date('2026-11-23T10:00:00.000Z');
    const clocked = new MongoEventStore(connection, { clock: { now: () => at } });

    const { events } = await clocked.append(streamId(), 0, [aConversationStarted()]);

    expect(events[0]!.eventId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(events[0]!.occurredAt).toBe(at.toISOString());
  });
});
