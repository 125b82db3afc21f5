import { createKafka, type KafkaClient } from '@threadline/kafka-client';
import { SERVICE_KIT_OPTIONS, type ServiceKitOptions } from '../service-options';

export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');

/** One kafkajs-backed client per service process, named after the service. */
export const kafkaClientProvider = {
  provide: KAFKA_CLIENT,
  inject: [SERVICE_KIT_OPTIONS],
  useFactory: ({ service, config }: ServiceKitOptions): KafkaClient =>
    createKafka({ clientId: service, brokers: config.KAFKA_BROKERS }),
};
