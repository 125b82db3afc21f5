export type { CommitRef, OutboxStore, PendingCommit } from './outbox.port';
export { blockingBounds, publishableInOrder } from './publish-order';
export { toEventRecord } from './event-record.mapper';
export { chunkRecords, DEFAULT_MAX_CHUNK_BYTES } from './record-chunks';
export { MongoOutboxStore } from './mongo-outbox-store';
export { OutboxRelay, type OutboxRelayOptions, type RelayPass } from './outbox-relay';
export {
  createEventBackbone,
  type EventBackbone,
  type EventBackboneOptions,
} from './event-backbone.factory';
export { OUTBOX_RELAY } from './outbox-relay.tokens';
export { LatestVersions } from './latest-versions';
