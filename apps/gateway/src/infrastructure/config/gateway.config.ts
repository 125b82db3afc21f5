import { BaseServiceConfig, loadConfig, withDefaults } from '@threadline/service-kit';
import { z } from 'zod';

const positiveInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** `GATEWAY_TRUST_PROXY`: express's `trust proxy`: false, true, a hop count, or addresses/subnets. */
const TrustProxy = z
  .string()
  .trim()
  .transform((value): boolean | number | string => {
    if (value === 'false' || value === '') return false;
    if (value === 'true') return true;
    return /^\d+$/.test(value) ? Number(value) : value;
  });

/**
 * The gateway keeps no data: no store; it calls the services' internal HTTP APIs and reads
 * `conversation.events` for live delivery. Every limit here has a generous default that tests
 * and benchmarks may raise.
 */
export const GatewayConfig = BaseServiceConfig.extend({
  IDENTITY_URL: z.url(),
  CONTACT_URL: z.url(),
  CONVERSATION_URL: z.url(),
  /** Names this process's live consumer group (`gateway.live.<id>`); default host, pid and a random part. */
  GATEWAY_INSTANCE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,80}$/)
    .optional(),
  /** Largest JSON body accepted (default 64 KiB); larger is 413. */
  GATEWAY_JSON_LIMIT_BYTES: positiveInt(1_024, 10_485_760).default(65_536),
  /** Largest CSV import streamed through to the contact service (default 200 MiB). */
  GATEWAY_IMPORT_LIMIT_BYTES: positiveInt(1_024, 10_737_418_240).default(209_715_200),
  /** Requests per client address per window, and per bearer token per window. */
  GATEWAY_RATE_LIMIT_WINDOW_SECONDS: positiveInt(1, 3_600).default(60),
  GATEWAY_RATE_LIMIT_PER_ADDRESS: positiveInt(1, 100_000_000).default(1_200),
  GATEWAY_RATE_LIMIT_PER_TOKEN: positiveInt(1, 100_000_000).default(600),
  GATEWAY_TRUST_PROXY: TrustProxy.default(false),
  /** How long a verified token is believed without asking identity again (never past a logout here). */
  GATEWAY_TOKEN_CACHE_MS: positiveInt(0, 10_000).default(5_000),
  /** How long an application's record (allowed origins, organization) is kept. */
  GATEWAY_APPLICATION_CACHE_MS: positiveInt(0, 300_000).default(10_000),
  GATEWAY_UPSTREAM_TIMEOUT_MS: positiveInt(100, 120_000).default(10_000),
  /** WebSocket: largest frame (bigger closes with 1009), auth deadline, heartbeat, frame budget. */
  GATEWAY_WS_MAX_FRAME_BYTES: positiveInt(256, 1_048_576).default(16_384),
  GATEWAY_WS_AUTH_TIMEOUT_MS: positiveInt(100, 60_000).default(10_000),
  GATEWAY_WS_HEARTBEAT_MS: positiveInt(100, 300_000).default(30_000),
  GATEWAY_WS_FRAMES_PER_10S: positiveInt(1, 100_000).default(200),
  /** `.infra/demo-credentials.json` as `npm start` writes it; `/demo` answers 404 without it. */
  DEMO_CREDENTIALS_FILE: z.string().min(1).optional(),
  /** Where the built widget and dashboard live; default: the `@threadline/widget` and `@threadline/dashboard` packages. */
  GATEWAY_WIDGET_DIR: z.string().min(1).optional(),
  GATEWAY_DASHBOARD_DIR: z.string().min(1).optional(),
});
export type GatewayConfig = z.infer<typeof GatewayConfig>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadConfig(
    GatewayConfig,
    withDefaults(env, {
      PORT: '3000',
      IDENTITY_URL: 'http://127.0.0.1:3001',
      CONTACT_URL: 'http://127.0.0.1:3002',
      CONVERSATION_URL: 'http://127.0.0.1:3003',
    }),
  );
}
