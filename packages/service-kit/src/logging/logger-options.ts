import type { Params } from 'nestjs-pino';
import type { ServiceKitOptions } from '../service-options';

/**
 * Secrets must never reach the logs: credentials travel in headers and in widget init bodies
 * (applicationSecret, security_hash, user_hash, user_jwt), so those paths are censored wherever they appear.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-session-token"]',
  '*.applicationSecret',
  '*.security_hash',
  '*.user_hash',
  '*.user_jwt',
  '*.password',
];

export function loggerOptions({ service, config }: ServiceKitOptions): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: { service },
      redact: { paths: redactedPaths, censor: '[redacted]' },
      // Health probes every few seconds would drown the request log.
      autoLogging: { ignore: (req) => req.url === '/health' },
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
    },
  };
}
