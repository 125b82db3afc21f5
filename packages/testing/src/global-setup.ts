import { ensureInfra, type Store } from '@threadline/infra';
import { dockerEngineAnswers, startContainers, type StartedContainers } from './containers';
import { dockerEngineMayAnswer } from './docker-engine';
import { infraEnv, type InfraMode } from './infra-mode';
import { beginRunRecord } from './run-resources';

declare global {
  var __threadlineContainers: StartedContainers | undefined;
}

function publish(mode: InfraMode, kafkaBrokers: string, mongodbUri: string): void {
  // Workers are forked after global setup, so they inherit these.
  process.env[infraEnv.mode] = mode;
  process.env[infraEnv.kafkaBrokers] = kafkaBrokers;
  process.env[infraEnv.mongodbUri] = mongodbUri;
}

/** Resolves real Kafka and a real MongoDB-wire store for integration and e2e tests. */
export default async function globalSetup(): Promise<void> {
  beginRunRecord();
  const kafkaBrokers = process.env[infraEnv.kafkaBrokers];
  const mongodbUri = process.env[infraEnv.mongodbUri];
  if (kafkaBrokers && mongodbUri) {
    publish(
      (process.env[infraEnv.mode] as InfraMode | undefined) ?? 'external',
      kafkaBrokers,
      mongodbUri,
    );
    return;
  }
  if (kafkaBrokers || mongodbUri) {
    throw new Error(
      'set both KAFKA_BROKERS and MONGODB_URI, or neither (then tests provision their own)',
    );
  }
  if (dockerEngineMayAnswer() && (await dockerEngineAnswers())) {
    const containers = await startContainers();
    globalThis.__threadlineContainers = containers;
    publish('testcontainers', containers.kafkaBrokers, containers.mongodbUri);
    return;
  }
  const store = (process.env.INFRA_STORE ?? 'postgresql') as Store;
  const local = await ensureInfra({ store });
  publish('local', local.kafkaBrokers, local.mongodbUri);
}
