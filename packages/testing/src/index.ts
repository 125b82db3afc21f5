export { endpointsFromEnv, infraEnv, type InfraEndpoints, type InfraMode } from './infra-mode';
export { uniqueName } from './unique-name';
