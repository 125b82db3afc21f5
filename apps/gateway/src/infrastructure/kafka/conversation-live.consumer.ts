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
    const backfill = await this.backfillFrom(topic);
    await consumer.subscribe([topic], { fromBeginning: false });
    // Resolves once the group is joined: live delivery is on when the gateway is up.
    await consumer.run({
      partitionsConsumedConcurrently: 3,
      // Progress is worth little (a new process reads back anyway); a commit per batch would
      // hold up the next fetch, and so every other gateway's delivery.
      commitIntervalMs: 5_000,
      eachRecord: async (record) => {
        backfill.read(record.partition, record.offset);
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
    // Joined with every partition assigned (one member): go back, then wait until read up to now.
    for (const { partition, offset } of backfill.starts) consumer.seek(topic, partition, offset);
    const startedAt = Date.now();
    const done = await backfill.done(backfillTimeoutMs);
    this.logger[done ? 'log' : 'warn'](
      { groupId: this.groupId, waitedMs: Date.now() - startedAt },
      done ? 'recent messages read back' : 'recent messages not read back in time',
    );
  }

  /** Where each partition's last records begin, and a wait until they have been read. */
  private async backfillFrom(topic: string) {
    const admin = this.kafka.admin();
    const remaining = new Map<number, bigint>();
    let starts: { partition: number; offset: string }[];
    try {
      starts = (await admin.fetchTopicOffsets(topic)).map(({ partition, low, high }) => {
        const from = BigInt(high) - BigInt(LIVE_BACKFILL_RECORDS);
        if (BigInt(high) > BigInt(low)) remaining.set(partition, BigInt(high) - 1n);
        return { partition, offset: String(from > BigInt(low) ? from : BigInt(low)) };
      });
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    return {
      starts,
      /** Done with a partition on its last record as of now: what was fetched before the seek comes later. */
      read(partition: number, offset: string) {
        if (remaining.get(partition) === BigInt(offset)) remaining.delete(partition);
      },
      async done(timeoutMs: number): Promise<boolean> {
        const deadline = Date.now() + timeoutMs;
        while (remaining.size > 0 && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 50));
        return remaining.size === 0;
      },
    };
  }

  async onApplicationShutdown(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    if (!consumer) return;
    await consumer.stop().catch(() => undefined);
    await consumer.disconnect().catch(() => undefined);
  }
}
