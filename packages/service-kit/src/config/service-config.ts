import { setTopicNamespace, topicNamespacePattern } from '@threadline/contracts';
import { z } from 'zod';

/** What every service reads from its environment; a service extends it with its own fields. */
export const BaseServiceConfig = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Loopback by default; containers set 0.0.0.0. */
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65_535),
  KAFKA_BROKERS: z
    .string()
    .min(1)
    .transform((raw) =>
      raw
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[^\s:]+:\d{1,5}$/, 'each broker must be host:port')).min(1)),
  /** Prefixes every platform topic (`test-1a2b.identity.events`): tests never share topics. */
  TOPIC_NAMESPACE: z
    .string()
    .regex(topicNamespacePattern, 'must look like "test-1a2b."')
    .optional(),
});
export type BaseServiceConfig = z.infer<typeof BaseServiceConfig>;

/** A service that owns data: its own database on the MongoDB-wire store. */
export const StoreServiceConfig = BaseServiceConfig.extend({
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://'),
  /** Each service owns its own database (ARCHITECTURE.md: no service reads another's collections). */
  MONGODB_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/)
    .optional(),
  /**
   * Prefixes the consumer groups of the live projections. Tests give each service instance its own
   * groups (and database), so instances never split a topic's partitions between them.
   */
  PROJECTION_GROUP_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,100}$/)
    .optional(),
});
export type StoreServiceConfig = z.infer<typeof StoreServiceConfig>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The one place that reads `process.env`: validates it at boot and fails fast naming every problem. */
export function loadConfig<S extends z.ZodType>(
  schema: S,
  env: Record<string, string | undefined>,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`),
    );
  }
  // The topic names are process-wide, and every module computes them from the contracts.
  const data = result.data as { TOPIC_NAMESPACE?: unknown };
  if (typeof data.TOPIC_NAMESPACE === 'string') setTopicNamespace(data.TOPIC_NAMESPACE);
  return result.data;
}

/** Service defaults: each service has its own port, overridable by PORT. */
export function withDefaults(
  env: Record<string, string | undefined>,
  defaults: Record<string, string>,
): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = { ...defaults };
  for (const [key, value] of Object.entries(env))
    if (value !== undefined && value !== '') merged[key] = value;
  return merged;
}
