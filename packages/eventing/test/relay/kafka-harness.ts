import { decodeEvent, type KnownEvent } from '@threadline/contracts';
import { createKafka, type KafkaClient, type KafkaRecord } from '@threadline/kafka-client';
import { endpointsFromEnv, uniqueName } from '@threadline/testing';

export function testKafka(prefix: string): KafkaClient {
  return createKafka({
    clientId: uniqueName(prefix),
    brokers: endpointsFromEnv().kafkaBrokers.split(','),
    logLevel: 'error',
  });
}

export async function createTopic(kafka: KafkaClient, prefix: string, partitions: number) {
  const topic = uniqueName(prefix);
  const admin = kafka.admin();
  try {
    await admin.ensureTopics([{ topic, partitions, configs: { 'retention.ms': '-1' } }]);
  } finally {
    await admin.disconnect();
  }
  return topic;
}

export async function deleteTopic(kafka: KafkaClient, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.deleteTopics([topic]).catch(() => undefined);
  await admin.disconnect();
}

/** Reads the topic from the beginning in a fresh group until `done` holds for what was read. */
export async function readTopic(
  kafka: KafkaClient,
  topic: string,
  done: (records: KafkaRecord[]) => boolean,
  timeoutMs = 30_000,
): Promise<KafkaRecord[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('relay-reader'), maxWaitTimeMs: 100 });
  const records: KafkaRecord[] = [];
  try {
    await consumer.subscribe([topic], { fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${records.length} records of ${topic} before the timeout`)),
        timeoutMs,
      );
      void consumer
        .run({
          partitionsConsumedConcurrently: 8,
          eachRecord: async (record) => {
            records.push(record);
            if (done(records)) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
    return records;
  } finally {
    await consumer.disconnect();
  }
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met before the timeout');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The event a relayed record carries, validated as any consumer would. */
export function decodedEvent(record: KafkaRecord): KnownEvent {
  const result = decodeEvent(JSON.parse(String(record.value)));
  if (!result.ok) throw new Error(result.reason);
  return result.event;
}

/** Problems in one partition: a stream version more than one past the highest seen before it. */
export function outOfOrder(events: KnownEvent[]): string[] {
  const highest = new Map<string, number>();
  const problems: string[] = [];
  for (const e of events) {
    const seen = highest.get(e.streamId) ?? 0;
    if (e.streamVersion > seen + 1) problems.push(`${e.streamId}@${e.streamVersion} after ${seen}`);
    highest.set(e.streamId, Math.max(seen, e.streamVersion));
  }
  return problems;
}
