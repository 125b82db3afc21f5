/**
 * Where integration tests get Kafka and the store from, in order of preference
 * (ARCHITECTURE.md, "Infrastructure"): what the environment names, containers, or our local infra.
 */
export type InfraMode = 'external' | 'testcontainers' | 'local';

export interface InfraEndpoints {
  mode: InfraMode;
  kafkaBrokers: string;
  mongodbUri: string;
}

/** Set by the global setup for every test worker. */
export const infraEnv = {
  mode: 'THREADLINE_INFRA_MODE',
  kafkaBrokers: 'KAFKA_BROKERS',
  mongodbUri: 'MONGODB_URI',
} as const;

export function endpointsFromEnv(env: NodeJS.ProcessEnv = process.env): InfraEndpoints {
  const kafkaBrokers = env[infraEnv.kafkaBrokers];
  const mongodbUri = env[infraEnv.mongodbUri];
  if (!kafkaBrokers || !mongodbUri) {
    throw new Error(
      'KAFKA_BROKERS and MONGODB_URI are not set: integration tests must run under the jest global setup of @threadline/testing',
    );
  }
  const mode = (env[infraEnv.mode] as InfraMode | undefined) ?? 'external';
  return { mode, kafkaBrokers, mongodbUri };
}
