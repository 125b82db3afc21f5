import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { bearerTokenOf } from '../../../application/auth/token-kind';
import type { GatewayConfig } from '../../../infrastructure/config/gateway.config';

interface ThrottledRequest {
  ip?: string;
  path?: string;
  headers: Record<string, string | string[] | undefined>;
}

const tokenOf = (req: ThrottledRequest) => bearerTokenOf(req.headers.authorization);

/**
 * Two budgets per window: one per client address, one per bearer token (so one widget session or
 * agent cannot starve the others behind a shared address). Health probes are never throttled.
 */
export function throttlerOptions(config: GatewayConfig): ThrottlerModuleOptions {
  const ttl = config.GATEWAY_RATE_LIMIT_WINDOW_SECONDS * 1000;
  return {
    skipIf: (context: ExecutionContext) =>
      context.getType() !== 'http' ||
      context.switchToHttp().getRequest<ThrottledRequest>().path === '/health',
    errorMessage: 'too many requests; slow down and retry after the Retry-After seconds',
    throttlers: [
      {
        name: 'address',
        ttl,
        limit: config.GATEWAY_RATE_LIMIT_PER_ADDRESS,
        getTracker: (req) => (req as ThrottledRequest).ip ?? 'unknown',
      },
      {
        name: 'token',
        ttl,
        limit: config.GATEWAY_RATE_LIMIT_PER_TOKEN,
        skipIf: (context) =>
          tokenOf(context.switchToHttp().getRequest<ThrottledRequest>()) === undefined,
        // Tokens are credentials: only their digest is kept as a key.
        getTracker: (req) =>
          createHash('sha256')
            .update(tokenOf(req as ThrottledRequest) ?? '')
            .digest('base64url'),
      },
    ],
  };
}
