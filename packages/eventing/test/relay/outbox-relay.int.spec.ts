import type { KnownEvent } from '@threadline/contracts';
import type { KafkaClient, KafkaRecord } from '@threadline/kafka-client';
import { connectToFreshDatabase, dropAndClose } from '@threadline/testing';
import type { Connection } from 'mongoose';
import {
  createEventBackbone,
  MongoEventStore,
  MongoOutboxStore,
  OutboxRelay,
  type EventBackbone,
  type OutboxStore,
  type PendingCommit,
} from '../../src';
import { aConversationStarted, aMessageSent } from '../store/thread.fixture';
import {
  createTopic,
  deleteTopic,
  readTopic,
  testKafka,
  waitFor,
  decodedEvent,
  outOfOrder,
} from './kafka-harness';

describe('outbox relay against real Kafka and the real store', () => {
  let kafka: KafkaClient;
  let connection: Connection;
  let topic: string;
  const started: EventBackbone[] = [];

  beforeEach(async () => {
    kafka = testKafka('relay');
    connection = await connectToFreshDatabase('relay');
    topic = await createTopic(kafka, 'relay-events', 3);
  });
  afterEach(async () => {
    for (const backbone of started.splice(0)) await backbone.relay.stop();
    await deleteTopic(kafka, topic);
    await dropAndClose(connection);
  });

  function backbone(
    relay: Parameters<typeof createEventBackbone>[0]['relay'] = {},
    handOffAppends?: boolean,
  ) {
    const created = createEventBackbone({
      connection,
      kafka,
      service: 'conversation',
      topic,
      relay,
      handOffAppends,
    });
    started.push(created);
    return created;
  }
  const unpublishedCount = () =>
    connection.db!.collection('commits').countDocuments({ published: false });

  it('killed between publish and mark, after a restart every event is on Kafka at least once, in per-stream order, and every commit is published', async () => {
    const crashed: PendingCommit[][] = [];
    const first = backbone({
      batchSize: 7,
      pollIntervalMs: 20,
      afterPublish: (commits) => {
        crashed.push([...commits]);
        throw new Error('simulated crash between publish and mark');
      },
      onError: () => undefined,
    });
    await first.init();
    const written: KnownEvent[] = [];
    for (let s = 0; s < 6; s++) {
      const streamId = `thread-${s}`;
      let version = 0;
      for (let c = 0; c < 5; c++) {
        const events =
          c === 0
            ? [aConversationStarted(), aMessageSent({ clientMessageId: `${s}-0` })]
            : [aMessageSent({ clientMessageId: `${s}-${c}` })];
        const result = await first.store.append(streamId, version, events);
        written.push(...result.events);
        version = result.toVersion;
      }
    }

    first.relay.start();
    await waitFor(async () => crashed.length > 0);
    await first.relay.stop();
    expect(await unpublishedCount()).toBe(30);

    const restarted = backbone({ batchSize: 7, pollIntervalMs: 20 });
    restarted.relay.start();
    await waitFor(async () => (await unpublishedCount()) === 0);
    await restarted.relay.stop();

    const crashedIds = new Set(crashed.flat().flatMap((c) => c.events.map((e) => e.eventId)));
    // Every crashed batch goes out again after the restart: read until all of them came twice.
    const records = await readTopic(kafka, topic, (read) => {
      const ids = new Set(read.map((r) => decodedEvent(r).eventId));
      return (
        written.every((e) => ids.has(e.eventId)) && read.length >= written.length + crashedIds.size
      );
    });
    const received = records.map(decodedEvent);

    expect(new Set(received.map((e) => e.eventId))).toEqual(new Set(written.map((e) => e.eventId)));
    // The crashed batch went out twice: at least once, never lost.
    expect(received.length).toBeGreaterThanOrEqual(written.length + crashedIds.size);
    for (const record of records) {
      const event = decodedEvent(record);
      expect(record.key).toBe(event.streamId);
      expect(record.headers).toEqual({
        type: event.type,
        version: String(event.version),
        eventId: event.eventId,
      });
    }
    // Records of one key share a partition, so each partition's order is the stream's order.
    const byPartition = new Map<number, KafkaRecord[]>();
    for (const r of records)
      byPartition.set(r.partition, [...(byPartition.get(r.partition) ?? []), r]);
    for (const partition of byPartition.values()) {
      const ordered = partition.sort((a, b) => Number(BigInt(a.offset) - BigInt(b.offset)));
      expect(outOfOrder(ordered.map(decodedEvent))).toEqual([]);
    }
    const published = await connection.db!.collection('commits').find().toArray();
    expect(published.every((c) => c.published === true && c.publishedAt instanceof Date)).toBe(
      true,
    );
  });

  it("keeps per-stream order when writers' clocks disagree (a later commit looks older)", async () => {
    const relay = backbone({ batchSize: 1, pollIntervalMs: 20 });
    await relay.init();
    const ahead = new MongoEventStore(connection, {
      clock: { now: () => new Date(Date.now() + 60_000) },
    });
    const behind = new MongoEventStore(connection, {
      clock: { now: () => new Date(Date.now() - 60_000) },
    });
    await ahead.append('thread-skew', 0, [aConversationStarted()]);
    await behind.append('thread-skew', 1, [aMessageSent({ clientMessageId: 'm-1' })]);
    await ahead.append('thread-other', 0, [aConversationStarted()]);

    relay.relay.start();
    await waitFor(async () => (await unpublishedCount()) === 0);
    const records = await readTopic(kafka, topic, (read) => read.length >= 3);

    const skewed = records.map(decodedEvent).filter((e) => e.streamId === 'thread-skew');
    expect(skewed.map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('is nudged by an append instead of waiting for the poll interval', async () => {
    const relay = backbone({ pollIntervalMs: 60_000 }, false);
    await relay.init();
    relay.relay.start();
    // Let the first pass find nothing and fall asleep for the long interval.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const startedAt = Date.now();
    const { events } = await relay.store.append('thread-nudge', 0, [aConversationStarted()]);
    const [record] = await readTopic(kafka, topic, (read) => read.length >= 1, 10_000);

    expect(decodedEvent(record!).eventId).toBe(events[0]!.eventId);
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    await waitFor(async () => (await unpublishedCount()) === 0, 5_000);
  });

  it('hands its own appends straight to Kafka in stream order; one whose predecessor another writer appended waits for a store pass, at once', async () => {
    const relay = backbone({ pollIntervalMs: 60_000 });
    await relay.init();
    relay.relay.start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const otherWriter = new MongoEventStore(connection);

    await relay.store.append('thread-hand', 0, [aConversationStarted()]);
    await readTopic(kafka, topic, (read) => read.length >= 1, 10_000);
    await otherWriter.append('thread-hand', 1, [aMessageSent({ clientMessageId: 'm-other' })]);
    await relay.store.append('thread-hand', 2, [
      aMessageSent({ clientMessageId: 'm-own-1' }),
      aMessageSent({ clientMessageId: 'm-own-2' }),
    ]);
    await relay.store.append('thread-hand', 4, [aMessageSent({ clientMessageId: 'm-own-3' })]);

    const records = await readTopic(kafka, topic, (read) => read.length >= 5, 10_000);
    expect(records.map(decodedEvent).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5]);
    await waitFor(async () => (await unpublishedCount()) === 0, 5_000);
  });

  it("idle, reads the store less and less, up to the longest wait, and still publishes another writer's commit within it", async () => {
    const outbox = new MongoOutboxStore(connection);
    let reads = 0;
    const counted: OutboxStore = {
      nextUnpublished: (limit) => {
        reads++;
        return outbox.nextUnpublished(limit);
      },
      nextUnpublishedInStreamOrder: (limit) => outbox.nextUnpublishedInStreamOrder(limit),
      unpublishedBelow: (bounds) => outbox.unpublishedBelow(bounds),
      markPublished: (commits) => outbox.markPublished(commits),
    };
    const relay = new OutboxRelay({
      outbox: counted,
      producer: kafka.producer(),
      topic,
      pollIntervalMs: 20,
      maxPollIntervalMs: 400,
    });
    relay.start();
    try {
      // 20, 40, 80, 160, 320, then 400 ms: about 8 passes in 2 s, where a fixed 20 ms made 100.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(reads).toBeGreaterThanOrEqual(5);
      expect(reads).toBeLessThanOrEqual(12);

      const startedAt = Date.now();
      const { events } = await new MongoEventStore(connection).append('thread-idle', 0, [
        aConversationStarted(),
      ]);
      const [record] = await readTopic(kafka, topic, (read) => read.length >= 1, 10_000);
      expect(decodedEvent(record!).eventId).toBe(events[0]!.eventId);
      expect(Date.now() - startedAt).toBeLessThan(5_000);
      await waitFor(async () => (await unpublishedCount()) === 0, 5_000);
    } finally {
      await relay.stop();
    }
  });

  /** A relay on the real outbox whose first `failures` non-empty marks fail, as a store outage would. */
  function relayWithFailingMarks(failures: number) {
    const outbox = new MongoOutboxStore(connection);
    let left = failures;
    const flaky: OutboxStore = {
      nextUnpublished: (limit) => outbox.nextUnpublished(limit),
      nextUnpublishedInStreamOrder: (limit) => outbox.nextUnpublishedInStreamOrder(limit),
      unpublishedBelow: (bounds) => outbox.unpublishedBelow(bounds),
      async markPublished(commits) {
        if (commits.length > 0 && left-- > 0) throw new Error('store unavailable');
        await outbox.markPublished(commits);
      },
    };
    const relay = new OutboxRelay({
      outbox: flaky,
      producer: kafka.producer(),
      topic,
      pollIntervalMs: 60_000,
      onError: () => undefined,
    });
    const store = new MongoEventStore(connection, {
      onAppended: (result, commitId) =>
        relay.handOff({
          id: commitId,
          streamId: result.streamId,
          version: result.fromVersion + 1,
          events: result.events,
        }),
    });
    return { outbox, relay, store };
  }

  const recordsOnTopic = async () => {
    const admin = kafka.admin();
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.reduce((sum, p) => sum + Number(BigInt(p.high) - BigInt(p.low)), 0);
    } finally {
      await admin.disconnect();
    }
  };

  it('given a handed-off commit whose mark fails, then the next store pass marks it without sending it again', async () => {
    const { outbox, relay, store } = relayWithFailingMarks(1);
    await Promise.all([outbox.init(), store.init()]);
    relay.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));

      await store.append('thread-mark', 0, [aConversationStarted()]);
      await readTopic(kafka, topic, (read) => read.length >= 1, 10_000);
      await waitFor(async () => (await unpublishedCount()) === 0, 5_000);
      await store.append('thread-mark', 1, [aMessageSent({ clientMessageId: 'm-after' })]);
      const records = await readTopic(kafka, topic, (read) => read.length >= 2, 10_000);

      expect(records.map(decodedEvent).map((e) => e.streamVersion)).toEqual([1, 2]);
      await waitFor(async () => (await unpublishedCount()) === 0, 5_000);
      expect(await recordsOnTopic()).toBe(2);
    } finally {
      await relay.stop();
    }
  });

  it('given a store pass whose mark fails, then a later pass marks what it sent', async () => {
    const { outbox, relay, store } = relayWithFailingMarks(1);
    await Promise.all([outbox.init(), store.init()]);
    // Appended before start: nothing is handed off, the store pass finds it.
    await store.append('thread-pass', 0, [aConversationStarted()]);
    relay.start();
    try {
      await readTopic(kafka, topic, (read) => read.length >= 1, 10_000);
      relay.nudge();
      await waitFor(async () => (await unpublishedCount()) === 0, 5_000);
      expect(await recordsOnTopic()).toBe(1);
    } finally {
      await relay.stop();
    }
  });

  it('stop() finishes the batch in hand: it is published and marked', async () => {
    let stopping: Promise<void> | undefined;
    const relay = backbone({
      pollIntervalMs: 20,
      afterPublish: async () => {
        stopping ??= relay.relay.stop();
        await new Promise((resolve) => setTimeout(resolve, 200));
      },
    });
    await relay.init();
    await relay.store.append('thread-stop', 0, [aConversationStarted()]);
    await relay.store.append('thread-stop', 1, [aMessageSent()]);

    relay.relay.start();
    await waitFor(async () => stopping !== undefined);
    await stopping;

    expect(relay.relay.isRunning).toBe(false);
    expect(await unpublishedCount()).toBe(0);
  });
});
