import { type DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { HealthController } from './health/health.controller';
import { KafkaHealthIndicator } from './health/kafka.health';
import { UpstreamHealthIndicator } from './health/upstream.health';
import { kafkaClientProvider, KAFKA_CLIENT } from './kafka/kafka.provider';
import { loggerOptions } from './logging/logger-options';
import { SERVICE_KIT_OPTIONS, type ServiceKitOptions } from './service-options';

/** Everything a Threadline service shares: JSON logs, its store connection, its Kafka client, `/health`. */
@Module({})
export class ServiceKitModule {
  static forRoot(options: ServiceKitOptions): DynamicModule {
    const store = options.store
      ? [
          MongooseModule.forRoot(options.config.MONGODB_URI, {
            dbName: options.config.MONGODB_DATABASE ?? `threadline_${options.service}`,
            serverSelectionTimeoutMS: 5_000,
            // FerretDB has no retryable writes (no sessions); MongoDB works the same without them.
            retryWrites: false,
          }),
        ]
      : [];
    return {
      module: ServiceKitModule,
      global: true,
      imports: [
        LoggerModule.forRoot(loggerOptions(options)),
        TerminusModule.forRoot({ logger: false }),
        ...store,
      ],
      controllers: [HealthController],
      providers: [
        { provide: SERVICE_KIT_OPTIONS, useValue: options },
        kafkaClientProvider,
        KafkaHealthIndicator,
        UpstreamHealthIndicator,
      ],
      exports: [SERVICE_KIT_OPTIONS, KAFKA_CLIENT],
    };
  }
}
