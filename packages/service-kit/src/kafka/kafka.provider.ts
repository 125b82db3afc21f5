import { platformTopicSpecs, topicNamespace } from '@threadline/contracts';
import { createKafka, type KafkaClient } from '@threadline/kafka-client';
import { SERVICE_KIT_OPTIONS, type ServiceKitOptions } from '../service-options';

export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');

/**
 * One kafkajs-backed client per service process, named after the service. Infra creates the
 * platform topics; a test namespace's topics are created here, before any relay or consumer
 * starts, by whichever service of the namespace boots first.
 */
export const kafkaClientProvider = {
  provide: KAFKA_CLIENT,
  inject: [SERVICE_KIT_OPTIONS],
  useFactory: async ({ service, config }: ServiceKitOptions): Promise<KafkaClient> => {
    const kafka = createKafka({ clientId: service, brokers: config.KAFKA_BROKERS });
    if (topicNamespace() !== '') {
      const admin = kafka.admin();
      try {
        await admin.ensureTopics(platformTopicSpecs());
      } finally {
        await admin.disconnect();
      }
    }
    return kafka;
  },
};
