import { Controller, Get, Inject } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  MongooseHealthIndicator,
  type HealthIndicatorFunction,
} from '@nestjs/terminus';
import { SERVICE_KIT_OPTIONS, type ServiceKitOptions } from '../service-options';
import { KafkaHealthIndicator } from './kafka.health';
import { UpstreamHealthIndicator } from './upstream.health';

/** `GET /health`: 200 with the state of each dependency when all are up, 503 naming the ones down. */
@Controller('health')
export class HealthController {
  private readonly checks: HealthIndicatorFunction[];

  constructor(
    private readonly health: HealthCheckService,
    @Inject(SERVICE_KIT_OPTIONS) options: ServiceKitOptions,
    kafka: KafkaHealthIndicator,
    upstreams: UpstreamHealthIndicator,
    // Only resolvable when the service owns a store; the gateway has none.
    @Inject(MongooseHealthIndicator) mongoose: MongooseHealthIndicator,
  ) {
    this.checks = [
      () => kafka.check('kafka'),
      ...(options.store ? [() => mongoose.pingCheck('store', { timeout: 3_000 })] : []),
      ...(options.upstreams ?? []).map((u) => () => upstreams.check(u)),
    ];
  }

  @Get()
  @HealthCheck()
  check() {
    return this.health.check(this.checks);
  }
}
