export type { Decider } from './decider';
export type { ContractEvent, EventCodec, EventMetadata } from './event-codec.port';
export { Aggregate } from './aggregate';
export {
  AggregateRepository,
  type AggregateRepositoryOptions,
  type SnapshotPolicy,
} from './aggregate-repository';
export { retryOnConcurrency, type RetryOnConcurrencyOptions } from './retry-on-concurrency';
export {
  CachedAggregates,
  type CachedAggregatesOptions,
  type UpdateOptions,
} from './cached-aggregates';
