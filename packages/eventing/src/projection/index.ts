export {
  defineProjection,
  projectionGroupId,
  type Projection,
  type ProjectionContext,
  type ProjectionDocument,
} from './projection';
export {
  applyOnce,
  type ApplyOutcome,
  type ProjectionUpdate,
  type StreamTarget,
} from './apply-once';
export { createProjectionContext } from './projection-context';
export { backoffDelay, defaultRetryPolicy, type RetryPolicy } from './backoff';
export { isDuplicateKeyError, isTransientStoreError } from './store-errors';
export { decodeRecord } from './decode-record';
export {
  buildDeadLetterRecord,
  deadLetterHeaders,
  readDeadLetter,
  type DeadLetter,
  type DeadLetterInfo,
  type DeadLetterKind,
} from './dead-letter-record';
export {
  createRecordProjector,
  type RecordOutcome,
  type RecordProjectorOptions,
} from './record-projector';
export {
  jsonLinesProjectionLogger,
  type ProjectionLogEntry,
  type ProjectionLogger,
} from './projection-logger';
export {
  createProjectionRunner,
  type ProjectionRunner,
  type ProjectionRunnerOptions,
} from './projection-runner';
export {
  eventTypeKey,
  streamCatalogProjection,
  type StreamCatalogDocument,
} from './stream-catalog.projection';
