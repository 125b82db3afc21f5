import { Kafka, Partitioners } from 'kafkajs';
import { wrapAdmin, type KafkaAdmin } from './admin';
import { wrapConsumer, type ConsumerOptions, type KafkaConsumer } from './consumer';
import {
  jsonLinesLogger,
  kafkajsLevel,
  toLogCreator,
  type KafkaLogger,
  type KafkaLogLevel,
} from './logging';
import { wrapProducer, type KafkaProducer } from './producer';

export interface KafkaOptions {
  clientId: string;
  brokers: string[];
  /** Default `warn`: kafkajs logs every reconnect at `info` and `error`. */
  logLevel?: KafkaLogLevel;
  /** Default: JSON lines on stderr. */
  logger?: KafkaLogger;
  connectionTimeoutMs?: number;
  /** Retries of a failed request before it fails; default kafkajs's 5 (about 30 s in all). */
  retries?: number;
}

export interface KafkaClient {
  producer(): KafkaProducer;
  consumer(options: ConsumerOptions): KafkaConsumer;
  admin(): KafkaAdmin;
}

/** Parses a comma-separated broker list, like `KAFKA_BROKERS`. */
export function parseBrokers(value: string): string[] {
  const brokers = value
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  if (brokers.length === 0)
    throw new Error('no Kafka brokers given (expected host:port[,host:port...])');
  return brokers;
}

export function createKafka(options: KafkaOptions): KafkaClient {
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    logLevel: kafkajsLevel(options.logLevel ?? 'warn'),
    logCreator: toLogCreator(options.logger ?? jsonLinesLogger),
    connectionTimeout: options.connectionTimeoutMs ?? 3000,
    retry: options.retries === undefined ? undefined : { retries: options.retries },
  });
  return {
    producer: () =>
      wrapProducer(() =>
        kafka.producer({
          idempotent: true,
          // kafkajs keeps order with idempotence only with one request in flight.
          maxInFlightRequests: 1,
          allowAutoTopicCreation: false,
          // Java-compatible murmur2 (kafkajs 2's default, named to silence its warning): a key
          // lands on the same partition whichever client wrote it.
          createPartitioner: Partitioners.DefaultPartitioner,
        }),
      ),
    consumer: (consumerOptions) =>
      wrapConsumer(
        kafka.consumer({
          groupId: consumerOptions.groupId,
          allowAutoTopicCreation: false,
          sessionTimeout: consumerOptions.sessionTimeoutMs,
          heartbeatInterval: consumerOptions.heartbeatIntervalMs,
          maxWaitTimeInMs: consumerOptions.maxWaitTimeMs,
        }),
      ),
    admin: () => wrapAdmin(kafka.admin()),
  };
}
