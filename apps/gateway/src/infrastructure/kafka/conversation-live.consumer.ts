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
import { LiveReadPositions } from './live-read-positions';

/** A group of its own per process: every gateway sees every message, for its own sockets. */
export function liveGroupId(instanceId: string | undefined): string {
  const id =
    instanceId ??
    `${hostname().replace(/[^A-Za-z0-9._-]/g, '-')}-${process.pid}-${randomBytes(4).toString('hex')}`;
  return `gateway.live.${id}`;
}

/** Records per partition read again at start, before the gateway listens (see below). */
export const LIVE_BACKFILL_RECORDS = 1_000;
const backfillTimeoutMs = 15_000;

/**
 * Feeds `conversation.events` to the live hub: a socket that was away catches up through the
 * conversation API (resume), not through Kafka. The group holds no state worth keeping; Kafka
 * expires it once the process has gone.
 *
 * A new process starts the last {@link LIVE_BACKFILL_RECORDS} records back and has read them
 * before it listens, so the hub's recent messages hold what an earlier gateway may not have
 * delivered and the conversation projection may not show yet (it lags while Kafka or the
 * conversation service recovers): a device resuming right after a gateway restart still gets them.
 *
 * The seeks are made on each join ({@link LiveReadPositions}): a first join can fail on a broker
 * that has just started (no group coordinator yet), and kafkajs then retries with a new member.
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
    const topic = eventsTopic('conversation');
    const positions = new LiveReadPositions(await this.topicOffsets(topic), LIVE_BACKFILL_RECORDS);
    consumer.onJoin(() => {
      for (const { partition, offset } of positions.seeks())
        consumer.seek(topic, partition, offset);
    });
    await consumer.subscribe([topic], { fromBeginning: false });
    // Resolves once the first join succeeded or failed; after a failure kafkajs joins again.
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      // Progress is worth little (a new process reads back anyway); a commit per batch would
      // hold up the next fetch, and so every other gateway's delivery.
      commitIntervalMs: 5_000,
      eachRecord: async (record) => {
        positions.read(record.partition, record.offset);
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
    const startedAt = Date.now();
    const deadline = startedAt + backfillTimeoutMs;
    while (!positions.backfilled && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    this.logger[positions.backfilled ? 'log' : 'warn'](
      { groupId: this.groupId, waitedMs: Date.now() - startedAt },
      positions.backfilled ? 'recent messages read back' : 'recent messages not read back in time',
    );
  }

  private async topicOffsets(topic: string) {
    const admin = this.kafka.admin();
    try {
      return await admin.fetchTopicOffsets(topic);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    if (!consumer) return;
    await consumer.stop().catch(() => undefined);
    await consumer.disconnect().catch(() => undefined);
  }
}
