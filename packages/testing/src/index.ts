export { endpointsFromEnv, infraEnv, type InfraEndpoints, type InfraMode } from './infra-mode';
export { uniqueName, uniqueTopicNamespace } from './unique-name';
export { startNestApp, type RunningApp } from './nest-app';
export { describeServiceHealth, serviceTestEnv } from './service-health.spec-helper';
export { assertBuiltPackage } from './built-package';
export { storedEnvelopes } from './stored-envelopes';
export { connectToFreshDatabase, dropAndClose } from './fresh-database';
export * from './security';
