export { refusalProblems, Tally } from './answer-oracle';
export {
  BODY_LIMIT_BYTES,
  bodyInputs,
  headerValue,
  hostileString,
  invalidUtf8,
  mutated,
  nested,
  pathParam,
  queryInputs,
  rawHttpRequests,
  type BadInput,
} from './bad-input.arbitraries';
export {
  BadInputRun,
  entryPointInputs,
  passesContract,
  type BadInputTarget,
  type EntryPoint,
  type TextIssues,
} from './entry-point';
export {
  ANSWER_TIMEOUT_MS,
  rawRequest,
  request,
  type Answer,
  type RequestOptions,
} from './http-client';
export {
  freePort,
  startServiceProcess,
  type ServiceProcess,
  type ServiceProcessOptions,
  type StoredEvent,
} from './service-process';
export {
  randomHex,
  signAgentToken,
  signHmacToken,
  signSession,
  unsignedJwt,
  userJwt,
  withEditedPayload,
  withFlippedSignature,
  withKind,
  type ForgedAgentClaims,
  type ForgedSessionClaims,
  type JwtOptions,
  type SigningKey,
} from './forgery';
export { SecretLedger, type Leak } from './secret-ledger';
export {
  registerApplication,
  registerOrganization,
  token,
  uniqueDomain,
  until,
  widgetAuth,
  type AppCredentials,
  type IdentityEndpoint,
} from './tenant-fixture';
export {
  platformHealthy,
  startPlatformStack,
  type PlatformSecrets,
  type PlatformStack,
  type PlatformStackOptions,
} from './platform-stack';
export { csvFiles, type CsvInput } from './csv.arbitraries';
export {
  badRecord,
  badRecords,
  hostileText,
  recordHeaders,
  recordKeys,
  storable,
  type RecordDraft,
  type RecordFate,
} from './kafka-records.arbitraries';
export {
  isErrorLine,
  jsonLogLines,
  KafkaRecordFeed,
  type FeedKafka,
  type ParkedRecord,
} from './kafka-record-feed';
