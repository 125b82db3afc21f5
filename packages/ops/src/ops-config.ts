import { parseBrokers } from '@threadline/kafka-client';
import { z } from 'zod';

const OpsEnv = z.object({
  KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:9092'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .default('mongodb://127.0.0.1:27017/'),
  /** Overrides `threadline_<service>`, as the services' own MONGODB_DATABASE does. */
  MONGODB_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/, 'must be 1 to 63 letters, digits, _ or -')
    .optional(),
  /** Prepended to every topic a replayed projection reads, so a test can use topics of its own. */
  REPLAY_TOPIC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,200}$/, 'must be letters, digits, ".", "_" or "-"')
    .optional(),
});

export interface OpsConfig {
  kafkaBrokers: string[];
  mongodbUri: string;
  /** The database to use instead of {@link serviceDatabase}. */
  mongodbDatabase?: string;
  /** Prepended to the topics of a replayed projection. */
  topicPrefix?: string;
}

/** The only place the operator tools read the environment; throws naming every problem. */
export function loadOpsConfig(env: Record<string, string | undefined>): OpsConfig {
  const present = Object.fromEntries(
    Object.entries({
      KAFKA_BROKERS: env.KAFKA_BROKERS,
      MONGODB_URI: env.MONGODB_URI,
      MONGODB_DATABASE: env.MONGODB_DATABASE,
      REPLAY_TOPIC_PREFIX: env.REPLAY_TOPIC_PREFIX,
    }).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = OpsEnv.safeParse(present);
  if (!result.success) {
    throw new Error(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const { MONGODB_DATABASE, REPLAY_TOPIC_PREFIX } = result.data;
  return {
    kafkaBrokers: parseBrokers(result.data.KAFKA_BROKERS),
    mongodbUri: result.data.MONGODB_URI,
    ...(MONGODB_DATABASE ? { mongodbDatabase: MONGODB_DATABASE } : {}),
    ...(REPLAY_TOPIC_PREFIX ? { topicPrefix: REPLAY_TOPIC_PREFIX } : {}),
  };
}

/** Each service owns one database, named as the services name it. */
export function serviceDatabase(service: string): string {
  return `threadline_${service}`;
}
