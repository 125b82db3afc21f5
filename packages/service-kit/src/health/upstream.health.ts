import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { UpstreamService } from '../service-options';

/** The gateway is healthy only when the services it calls answer their own health check. */
@Injectable()
export class UpstreamHealthIndicator {
  constructor(private readonly health: HealthIndicatorService) {}

  async check(upstream: UpstreamService) {
    const indicator = this.health.check(upstream.name);
    try {
      const response = await fetch(new URL('/health', upstream.url), {
        signal: AbortSignal.timeout(3_000),
      });
      return response.ok ? indicator.up() : indicator.down({ statusCode: response.status });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
