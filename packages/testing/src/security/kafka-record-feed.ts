/*
 * The parts of `@threadline/kafka-client` a feed needs, by shape: this package does not depend on
 * it, and a service's `KafkaClient` fits.
 */
interface FeedRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}
export interface FeedKafka {
  producer(): {
    send(
      topic: string,
      records: { key: string; value: Buffer; headers?: Record<string, string> }[],
    ): Promise<{ partition: number; baseOffset: string }[]>;
    disconnect(): Promise<void>;
  };
  admin(): {
    fetchTopicOffsets(topic: string): Promise<{ partition: number; high: string }[]>;
    fetchGroupOffsets(
      groupId: string,
      topics: string[],
    ): Promise<{ topic: string; partitions: { partition: number; offset: string }[] }[]>;
    disconnect(): Promise<void>;
  };
  consumer(options: { groupId: string; maxWaitTimeMs?: number }): {
    subscribe(topics: string[], options?: { fromBeginning?: boolean }): Promise<void>;
    run(options: { eachRecord: (record: FeedRecord) => Promise<void> }): Promise<void>;
    disconnect(): Promise<void>;
  };
}

/** A parked record as its `dlt-*` headers describe it (`buildDeadLetterRecord` of eventing). */
export interface ParkedRecord {
  key: string | null;
  value: Buffer;
  kind: string;
  reason: string;
  consumerGroup: string;
  sourceTopic: string;
  sourceOffset: string;
}

function parkedOf(r: FeedRecord): ParkedRecord {
  const h = r.headers;
  return {
    key: r.key,
    value: r.value ?? Buffer.alloc(0),
    kind: h['dlt-kind'] ?? '',
    reason: h['dlt-reason'] ?? '',
    consumerGroup: h['dlt-consumer-group'] ?? '',
    sourceTopic: h['dlt-source-topic'] ?? '',
    sourceOffset: h['dlt-source-offset'] ?? '',
  };
}

/** Kafka refuses batches over ~1 MB: bigger records travel alone. */
const MAX_BATCH_BYTES = 700_000;

/**
 * Feeds records to a service's topics (one partition each) and watches what its consumers did:
 * how far each group committed, and what it parked on the dead-letter topic.
 */
export class KafkaRecordFeed {
  private readonly parked: ParkedRecord[] = [];
  private readonly producer: ReturnType<FeedKafka['producer']>;
  private dltReader: ReturnType<FeedKafka['consumer']> | undefined;

  constructor(private readonly kafka: FeedKafka) {
    this.producer = kafka.producer();
  }

  /**
   * Starts reading `topic` (a dead-letter topic) from its beginning, once joined: a fresh group's
   * first join can fail while the broker elects its coordinator, so it is tried again.
   */
  async watchDeadLetters(topic: string, groupId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const reader = this.kafka.consumer({ groupId: `${groupId}-${attempt}`, maxWaitTimeMs: 100 });
      try {
        await reader.subscribe([topic], { fromBeginning: true });
        await reader.run({ eachRecord: async (r) => void this.parked.push(parkedOf(r)) });
        this.dltReader = reader;
        return;
      } catch (error) {
        await reader.disconnect().catch(() => undefined);
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  }

  /** Sends in order, big records alone; returns each record's offset (one partition). */
  async produce(
    topic: string,
    records: { key: string; value: Buffer; headers?: Record<string, string> }[],
  ): Promise<string[]> {
    const offsets: string[] = [];
    let batch: typeof records = [];
    let bytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const [sent] = await this.producer.send(topic, batch);
      for (let i = 0; i < batch.length; i++)
        offsets.push(String(BigInt(sent!.baseOffset) + BigInt(i)));
      batch = [];
      bytes = 0;
    };
    for (const record of records) {
      if (bytes + record.value.length > MAX_BATCH_BYTES) await flush();
      batch.push(record);
      bytes += record.value.length;
    }
    await flush();
    return offsets;
  }

  /** Waits until every group has committed up to the current end of its topics. */
  async caughtUp(
    groups: { groupId: string; topics: string[] }[],
    timeoutMs = 60_000,
  ): Promise<void> {
    const admin = this.kafka.admin();
    const deadline = Date.now() + timeoutMs;
    try {
      for (const { groupId, topics } of groups) {
        const ends = new Map<string, string>();
        for (const topic of topics) {
          for (const p of await admin.fetchTopicOffsets(topic))
            ends.set(`${topic}/${p.partition}`, p.high);
        }
        for (;;) {
          const committed = new Map<string, string>();
          for (const t of await admin.fetchGroupOffsets(groupId, topics)) {
            for (const p of t.partitions) committed.set(`${t.topic}/${p.partition}`, p.offset);
          }
          const behind = [...ends].filter(
            ([at, high]) => high !== '0' && BigInt(committed.get(at) ?? '-1') < BigInt(high),
          );
          if (behind.length === 0) break;
          if (Date.now() > deadline) {
            throw new Error(
              `${groupId} did not catch up in ${timeoutMs} ms: ${JSON.stringify(behind)}`,
            );
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    } finally {
      await admin.disconnect();
    }
  }

  /** The records parked so far that came from `topic` at one of `offsets`. */
  deadLettersOf(topic: string, offsets: readonly string[]): ParkedRecord[] {
    const wanted = new Set(offsets);
    return this.parked.filter((p) => p.sourceTopic === topic && wanted.has(p.sourceOffset));
  }

  /** Waits until `count` records from `topic` at `offsets` are parked (or the time is up). */
  async awaitDeadLetters(
    topic: string,
    offsets: readonly string[],
    count: number,
  ): Promise<ParkedRecord[]> {
    const deadline = Date.now() + 20_000;
    while (this.deadLettersOf(topic, offsets).length < count && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // A moment more: a surplus letter (a record parked twice) must show too.
    await new Promise((resolve) => setTimeout(resolve, 300));
    return this.deadLettersOf(topic, offsets);
  }

  async close(): Promise<void> {
    await this.dltReader?.disconnect();
    await this.producer.disconnect();
  }
}

/** The JSON lines of a service's log (pino on stdout, projection runners on stderr). */
export function jsonLogLines(logs: string): Record<string, unknown>[] {
  return logs
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

/** Error lines of either logger: pino's level 50/60, or the projection logger's `error`. */
export function isErrorLine(entry: Record<string, unknown>): boolean {
  return entry.level === 'error' || (typeof entry.level === 'number' && entry.level >= 50);
}
