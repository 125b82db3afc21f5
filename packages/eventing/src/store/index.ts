export { systemClock, type Clock } from './clock.port';
export type {
  AppendOptions,
  AppendResult,
  EventStore,
  LoadOptions,
  NewEvent,
} from './event-store.port';
export type { Snapshot, SnapshotStore } from './snapshot-store.port';
export { ConcurrencyError, isConcurrencyError } from './concurrency.error';
export { InvalidAppendError } from './invalid-append.error';
export { InvalidSnapshotError } from './invalid-snapshot.error';
export { CorruptStreamError } from './corrupt-stream.error';
export {
  EMPTY_STREAM_VERSION,
  findVersionGap,
  isExpectedVersion,
  lastVersionOf,
  versionAfter,
  versionsAfter,
} from './stream-version';
export { loadWithSnapshot, type SnapshotLoad } from './load-with-snapshot';
export { unorderedInsertErrors, type InsertWriteError } from './unordered-insert-errors';
export { MongoEventStore, type MongoEventStoreOptions } from './mongo-event-store';
export { MongoSnapshotStore } from './mongo-snapshot-store';
export { InMemoryEventStore } from './in-memory-event-store';
export { InMemorySnapshotStore } from './in-memory-snapshot-store';
export { EVENT_STORE, SNAPSHOT_STORE } from './event-store.tokens';
export { COMMITS_COLLECTION } from './commit.schema';
export { isFerretDb } from './store-backend';
export { SNAPSHOTS_COLLECTION } from './snapshot.schema';
