import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { deadLetterTopic, eventsTopic, type KnownEvent } from '@threadline/contracts';
import type { KafkaClient } from '@threadline/kafka-client';
import { KAFKA_CLIENT, SERVICE_KIT_OPTIONS, type ServiceKitOptions } from '@threadline/service-kit';
import { MergeVisitorConversationCommand } from '../../application';
import { createEventReactor, type EventReactor } from '../../infrastructure/kafka/event-reactor';

/** The consumer group of the S12 reaction; a raised version would re-run it from offset 0. */
export const VISITOR_MERGE_GROUP = 'conversation.visitor-merge.v1';

/**
 * S12: reads `identity.events`; a `UserAuthenticated` that names the device's previous anonymous
 * visitor merges that visitor's conversation into the user's thread. The command is idempotent,
 * so a redelivered event changes nothing.
 */
@Injectable()
export class VisitorLoginConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('visitor-merge');
  private readonly reactor: EventReactor;

  constructor(
    @Inject(KAFKA_CLIENT) kafka: KafkaClient,
    @Inject(SERVICE_KIT_OPTIONS) options: ServiceKitOptions,
    private readonly commands: CommandBus,
  ) {
    const prefix = options.store ? options.config.PROJECTION_GROUP_PREFIX : undefined;
    this.reactor = createEventReactor({
      kafka,
      groupId: prefix ? `${prefix}.${VISITOR_MERGE_GROUP}` : VISITOR_MERGE_GROUP,
      topics: [eventsTopic('identity')],
      deadLetterTopic: deadLetterTopic('conversation'),
      react: (event) => this.react(event),
      logger: ({ level, message, ...fields }) =>
        this.logger[level === 'info' ? 'log' : level](`${message} ${JSON.stringify(fields)}`),
    });
  }

  private async react(event: KnownEvent): Promise<void> {
    if (event.type !== 'identity.user-authenticated') return;
    const { userId, previousVisitorId } = event.payload;
    if (previousVisitorId === undefined) return;
    const outcome = await this.commands.execute(
      new MergeVisitorConversationCommand(
        event.tenantId,
        userId,
        previousVisitorId,
        event.correlationId,
        event.eventId,
      ),
    );
    if (outcome.messages > 0) {
      this.logger.log(
        `visitor conversation merged into the user thread: ${outcome.messages} messages of application ${event.tenantId}`,
      );
    }
  }

  onApplicationBootstrap(): Promise<void> {
    return this.reactor.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.reactor.stop();
  }
}
