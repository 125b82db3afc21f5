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
  expectStillUp,
  itChecksEntryPoints,
  itChecksRawHttp,
  itLoggedNoError,
  passesContract,
  type BadInputSuite,
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
  testKafkaOptions,
  type ServiceProcess,
  type ServiceProcessOnTopics,
  type ServiceProcessOptions,
  type ServiceTopicsOptions,
  type TopicsKafka,
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
  type PlatformStack,
  type PlatformStackOptions,
} from './platform-stack';
export { freshIdentitySecrets, identityEnv, type IdentitySecrets } from './identity-secrets';
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
export {
  expectCatalogApplied,
  expectParked,
  expectSkipsLogged,
  planRecords,
  produceByTopic,
  RecordTally,
  validEventDraft,
  type Drawn,
  type PlannedRecord,
  type SharedStep,
} from './kafka-record-run';
