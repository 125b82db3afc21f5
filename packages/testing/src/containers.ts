import { KafkaContainer, type StartedKafkaContainer } from '@testcontainers/kafka';
import { MongoDBContainer, type StartedMongoDBContainer } from '@testcontainers/mongodb';
import { getContainerRuntimeClient } from 'testcontainers';

export interface StartedContainers {
  kafkaBrokers: string;
  mongodbUri: string;
  stop(): Promise<void>;
}

export async function dockerEngineAnswers(): Promise<boolean> {
  try {
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/** Real Kafka (KRaft) and real MongoDB in containers, for machines with a Docker engine. */
export async function startContainers(): Promise<StartedContainers> {
  const [kafka, mongo]: [StartedKafkaContainer, StartedMongoDBContainer] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start(),
    new MongoDBContainer('mongo:8.0').start(),
  ]);
  return {
    kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    mongodbUri: `${mongo.getConnectionString()}/?directConnection=true`,
    stop: async () => {
      await Promise.all([kafka.stop(), mongo.stop()]);
    },
  };
}
