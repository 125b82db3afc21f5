import type { KafkaConsumer, KafkaRecord, OutgoingRecord } from '@threadline/kafka-client';
import { uniqueName } from '@threadline/testing';
import fc from 'fast-check';
import type { mongo } from 'mongoose';
import {
  createProjectionRunner,
  platformEventDecoder,
  readDeadLetter,
  streamCatalogProjection,
  type ProjectionRunner,
  type StreamCatalogDocument,
} from '../../src';
import { aSessionEnded, plan, steps, type PlannedRecord } from './bad-records.arbitraries';
import {
  capturingLogger,
  connectTestDb,
  createTopics,
  deleteTopics,
  testInfra,
  waitUntilCaughtUp,
} from './projection-test-kit';

const { kafka, mongodbUri } = testInfra('bad-records');
/** Tuned so the file stays well under a minute on two cores. */
const RUNS = Number(process.env.BAD_RECORDS_RUNS ?? 50);
/** Kafka refuses batches over ~1 MB: bigger records travel alone. */
const MAX_BATCH_BYTES = 700_000;

/**
 * S18, issue 9 "Bad input" for Kafka: generated records (random bytes, invalid JSON, broken
 * envelopes, payloads against their contract, unknown types, unknown future versions, huge and
 * deeply nested payloads) interleaved with valid events and redeliveries, through a real projection
 * runner. Each invalid record lands on the dead-letter topic with its reason, each unknown one is
 * skipped with a log line, the runner never crashes, and each valid event is applied exactly once.
 */
describe('bad Kafka records through a real projection runner (real Kafka and store)', () => {
  const topic = uniqueName('bad-records');
  const dlt = `${topic}.dlt`;
  const collection = uniqueName('catalog_bad_records').replace(/-/g, '_');
  const logs = capturingLogger();
  const parked: KafkaRecord[] = [];
  const counts = new Map<string, number>();
  const outcomes = new Map<string, number>();
  let db: mongo.Db;
  let closeDb: () => Promise<void>;
  let runner: ProjectionRunner;
  let dltReader: KafkaConsumer;

  beforeAll(async () => {
    ({ db, close: closeDb } = await connectTestDb(mongodbUri, 'bad_records'));
    await createTopics(kafka, [
      { topic, partitions: 1 },
      { topic: dlt, partitions: 1 },
    ]);
    runner = createProjectionRunner({
      service: 'identity',
      kafka,
      db,
      projection: streamCatalogProjection('identity', { topics: [topic], collection }),
      groupId: uniqueName('bad-records-catalog'),
      deadLetterTopic: dlt,
      maxWaitTimeMs: 100,
      logger: logs.log,
      retry: { initialDelayMs: 20, maxAttempts: 2 },
    });
    await runner.start();
    dltReader = kafka.consumer({ groupId: uniqueName('bad-records-dlt'), maxWaitTimeMs: 100 });
    await dltReader.subscribe([dlt], { fromBeginning: true });
    void dltReader.run({ eachRecord: async (record) => void parked.push(record) });
  }, 120_000);

  afterAll(async () => {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const byKind = [...counts].map(([kind, n]) => `${kind} ${n}`).join(', ');
    const byOutcome = [...outcomes].map(([outcome, n]) => `${outcome} ${n}`).join(', ');
    console.info(`bad records: ${total} records in ${RUNS} runs (${byKind})`);
    const crashes = logs.entries.filter((e) => /crashed|stopped for good/.test(e.message)).length;
    console.info(`bad records: checked outcomes: ${byOutcome}; runner crashes ${crashes}`);
    await runner?.stop();
    await dltReader?.disconnect();
    await deleteTopics(kafka, [topic, dlt]);
    await closeDb?.();
  });

  /** Produces in order, big records alone; returns each record's offset (one partition). */
  async function produce(records: PlannedRecord[]): Promise<bigint[]> {
    const producer = kafka.producer();
    const offsets: bigint[] = [];
    try {
      let batch: OutgoingRecord[] = [];
      let bytes = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        const [sent] = await producer.send(topic, batch);
        for (let i = 0; i < batch.length; i++) offsets.push(BigInt(sent!.baseOffset) + BigInt(i));
        batch = [];
        bytes = 0;
      };
      for (const record of records) {
        if (bytes + record.value.length > MAX_BATCH_BYTES) await flush();
        batch.push({ key: record.key, value: record.value });
        bytes += record.value.length;
      }
      await flush();
    } finally {
      await producer.disconnect();
    }
    return offsets;
  }

  it('a valid event is valid (the control the property rests on)', () => {
    expect(platformEventDecoder().decode(aSessionEnded('stream-control', 1)).ok).toBe(true);
  });

  it('every invalid record is parked with its reason, every unknown one skipped, every valid event applied once', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(steps, async (generated) => {
        const records = plan(run++, generated);
        for (const r of records) {
          counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
          outcomes.set(r.expected, (outcomes.get(r.expected) ?? 0) + 1);
        }
        const offsets = await produce(records);
        await waitUntilCaughtUp(kafka, runner.groupId, [topic]);

        const expectedAt = (what: PlannedRecord['expected']) =>
          new Set(offsets.filter((_, i) => records[i]!.expected === what).map(String));
        const ours = (offset: string) => offsets.some((o) => String(o) === offset);

        // Dead letters: exactly the invalid ones, each with a reason, bytes untouched.
        const deadLetters = expectedAt('dead-letter');
        const deadline = Date.now() + 30_000;
        const letters = () => parked.filter((r) => ours(readDeadLetter(r)?.source.offset ?? ''));
        while (letters().length < deadLetters.size && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const found = letters();
        expect(new Set(found.map((r) => readDeadLetter(r)!.source.offset))).toEqual(deadLetters);
        expect(found).toHaveLength(deadLetters.size);
        for (const letter of found) {
          const info = readDeadLetter(letter)!;
          const original = records[offsets.findIndex((o) => String(o) === info.source.offset)]!;
          expect(info.kind).toBe('invalid');
          expect(info.reason.length).toBeGreaterThan(0);
          expect(letter.key).toBe(original.key);
          expect(Buffer.compare(letter.value ?? Buffer.alloc(0), original.value)).toBe(0);
        }

        // Unknown types and future versions: skipped, each with a log line.
        const skippedLogged = logs.entries
          .filter((e) => e.message === 'skipped event of unknown type' && ours(String(e.offset)))
          .map((e) => String(e.offset));
        expect(new Set(skippedLogged)).toEqual(expectedAt('skipped'));

        // Valid events, redelivered or not: each stream counts each version once.
        const streams = new Map<string, number>();
        for (const r of records) {
          if (r.expected === 'applied') streams.set(r.streamId!, r.streamVersion!);
        }
        const docs = await db
          .collection<StreamCatalogDocument>(collection)
          .find({ _id: { $in: [...streams.keys()] } })
          .toArray();
        expect(
          Object.fromEntries(
            docs.map((d) => [d._id, { eventCount: d.eventCount, streamVersion: d.streamVersion }]),
          ),
        ).toEqual(
          Object.fromEntries(
            [...streams].map(([id, version]) => [
              id,
              { eventCount: version, streamVersion: version },
            ]),
          ),
        );
        expect(logs.entries.filter((e) => /crashed|stopped for good/.test(e.message))).toEqual([]);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // No document for any stream whose only records were bad.
    const junk = await db
      .collection(collection)
      .countDocuments({ _id: { $regex: '-junk-' } as never });
    expect(junk).toBe(0);
  }, 120_000);
});
