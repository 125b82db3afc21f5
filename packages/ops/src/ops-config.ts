import { parseBrokers } from '@threadline/kafka-client';
import { z } from 'zod';

const OpsEnv = z.object({
  KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:9092'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .default('mongodb://127.0.0.1:27017/'),
});

export interface OpsConfig {
  kafkaBrokers: string[];
  mongodbUri: string;
}

/** The only place the operator tools read the environment; throws naming every problem. */
export function loadOpsConfig(env: Record<string, string | undefined>): OpsConfig {
  const present = Object.fromEntries(
    Object.entries({ KAFKA_BROKERS: env.KAFKA_BROKERS, MONGODB_URI: env.MONGODB_URI }).filter(
      ([, v]) => v !== undefined && v !== '',
    ),
  );
  const result = OpsEnv.safeParse(present);
  if (!result.success) {
    throw new Error(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  return {
    kafkaBrokers: parseBrokers(result.data.KAFKA_BROKERS),
    mongodbUri: result.data.MONGODB_URI,
  };
}

/** Each service owns one database, named as the services name it. */
export function serviceDatabase(service: string): string {
  return `threadline_${service}`;
}
