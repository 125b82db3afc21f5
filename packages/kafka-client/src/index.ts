export { createKafka, parseBrokers, type KafkaClient, type KafkaOptions } from './kafka';
export type { KafkaProducer } from './producer';
export type {
  BatchHandler,
  ConsumerOptions,
  KafkaConsumer,
  RecordHandler,
  RunOptions,
} from './consumer';
export type { ClusterDescription, GroupOffsets, KafkaAdmin, PartitionOffsets } from './admin';
export type { EnsureTopicsResult, TopicSpec } from './topic-spec';
export type { KafkaRecord, OutgoingRecord, RecordMetadata } from './records';
export {
  jsonLinesLogger,
  type KafkaLogEntry,
  type KafkaLogger,
  type KafkaLogLevel,
} from './logging';
