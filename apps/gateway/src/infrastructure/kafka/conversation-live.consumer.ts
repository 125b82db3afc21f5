import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { eventsTopic } from '@threadline/contracts';
import { decodeRecord, platformEventDecoder } from '@threadline/eventing';
import type { KafkaClient, KafkaConsumer } from '@threadline/kafka-client';
import { KAFKA_CLIENT } from '@threadline/service-kit';
import { LiveHub } from '../../application/live/live-hub.service';
import { GATEWAY_CONFIG } from '../config/gateway-config.token';
import type { GatewayConfig } from '../config/gateway.config';

/** A group of its own per process: every gateway sees every message, for its own sockets. */
export function liveGroupId(instanceId: string | undefined): string {
  const id =
    instanceId ??
    `${hostname().replace(/[^A-Za-z0-9._-]/g, '-')}-${process.pid}-${randomBytes(4).toString('hex')}`;
  return `gateway.live.${id}`;
}

/**
 * Feeds `conversation.events` to the live hub from the latest offset on: a socket that was away
 * catches up through the conversation API (resume), not through Kafka. The group holds no state
 * worth keeping; Kafka expires it once the process has gone.
 */
@Injectable()
export class ConversationLiveConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ConversationLiveConsumer');
  private readonly decoder = platformEventDecoder();
  private consumer?: KafkaConsumer;
  readonly groupId: string;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: KafkaClient,
    private readonly hub: LiveHub,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.groupId = liveGroupId(config.GATEWAY_INSTANCE_ID);
  }

  async onApplicationBootstrap(): Promise<void> {
    const consumer = this.kafka.consumer({ groupId: this.groupId, maxWaitTimeMs: 250 });
    this.consumer = consumer;
    consumer.onCrash((error, restarting) =>
      this.logger.error({ err: error, restarting }, 'live consumer crashed'),
    );
    await consumer.subscribe([eventsTopic('conversation')], { fromBeginning: false });
    // Resolves once the group is joined: live delivery is on when the gateway is up.
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      eachRecord: async (record) => {
        const decoded = decodeRecord(record, this.decoder);
        if (!decoded.ok) {
          // The owning service's projections park bad records; live delivery only skips them.
          const level = decoded.kind === 'unknown-type' ? 'debug' : 'warn';
          this.logger[level]({ offset: record.offset, reason: decoded.reason }, 'record skipped');
          return;
        }
        try {
          await this.hub.publish(decoded.event);
        } catch (error) {
          this.logger.error({ err: error, eventId: decoded.event.eventId }, 'live delivery failed');
        }
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    if (!consumer) return;
    await consumer.stop().catch(() => undefined);
    await consumer.disconnect().catch(() => undefined);
  }
}
