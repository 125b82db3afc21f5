import {
  type DynamicModule,
  Inject,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { EventEnvelope, ServiceName } from '@threadline/contracts';
import {
  createEventBackbone,
  createProjectionRunner,
  projectionGroupId,
  EVENT_STORE,
  SNAPSHOT_STORE,
  streamCatalogProjection,
  type EventBackbone,
  type Projection,
  type ProjectionRunner,
} from '@threadline/eventing';
import type { KafkaClient } from '@threadline/kafka-client';
import type { Connection } from 'mongoose';
import { KAFKA_CLIENT } from '../kafka/kafka.provider';
import { SERVICE_KIT_OPTIONS, type ServiceKitOptions } from '../service-options';

export const EVENT_BACKBONE = Symbol('EVENT_BACKBONE');
const PROJECTION_RUNNERS = Symbol('PROJECTION_RUNNERS');

/**
 * Starts what makes a service event-sourced once it boots: the store's indexes, the outbox relay
 * and the live projection runners; stops them, the relay last, when it shuts down.
 */
@Injectable()
class EventBackboneLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_BACKBONE) private readonly backbone: EventBackbone,
    @Inject(PROJECTION_RUNNERS) private readonly runners: ProjectionRunner[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.backbone.init();
    this.backbone.relay.start();
    await Promise.all(this.runners.map((runner) => runner.start()));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
    await this.backbone.relay.stop();
  }
}

/** The event store (ports `EVENT_STORE`, `SNAPSHOT_STORE`), outbox relay and live projections of one service. */
@Module({})
export class EventBackboneModule {
  static forService(
    service: ServiceName,
    projections: Projection<EventEnvelope>[] = [streamCatalogProjection(service)],
    /** `topic`: where the relay publishes, default `<service>.events` (tests and benchmarks set their own). */
    options: { topic?: string } = {},
  ): DynamicModule {
    return {
      module: EventBackboneModule,
      providers: [
        {
          provide: EVENT_BACKBONE,
          inject: [getConnectionToken(), KAFKA_CLIENT],
          useFactory: (connection: Connection, kafka: KafkaClient) =>
            createEventBackbone({ connection, kafka, service, topic: options.topic }),
        },
        {
          provide: EVENT_STORE,
          inject: [EVENT_BACKBONE],
          useFactory: (b: EventBackbone) => b.store,
        },
        {
          provide: SNAPSHOT_STORE,
          inject: [EVENT_BACKBONE],
          useFactory: (b: EventBackbone) => b.snapshots,
        },
        {
          provide: PROJECTION_RUNNERS,
          inject: [getConnectionToken(), KAFKA_CLIENT, SERVICE_KIT_OPTIONS],
          useFactory: (connection: Connection, kafka: KafkaClient, options: ServiceKitOptions) => {
            const prefix = options.store ? options.config.PROJECTION_GROUP_PREFIX : undefined;
            return projections.map((projection) =>
              createProjectionRunner({
                service,
                kafka,
                db: connection.db as never,
                projection,
                groupId: prefix ? `${prefix}.${projectionGroupId(service, projection)}` : undefined,
              }),
            );
          },
        },
        EventBackboneLifecycle,
      ],
      exports: [EVENT_BACKBONE, EVENT_STORE, SNAPSHOT_STORE],
    };
  }
}
