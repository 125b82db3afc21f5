import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { getConnectionToken } from '@nestjs/mongoose';
import {
  createProjectionRunner,
  projectionGroupId,
  type ProjectionRunner,
} from '@threadline/eventing';
import type { KafkaClient } from '@threadline/kafka-client';
import { KAFKA_CLIENT } from '@threadline/service-kit';
import type { Connection } from 'mongoose';
import { CONTACT_CONFIG } from '../config/contact-config.token';
import type { ContactConfig } from '../config/contact.config';
import { contactReactor } from './contact-reactor';

/** Runs the contact reactor in its own consumer group while the service is up. */
@Injectable()
export class ContactReactorRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private runner: ProjectionRunner | undefined;

  constructor(
    private readonly commands: CommandBus,
    @Inject(KAFKA_CLIENT) private readonly kafka: KafkaClient,
    @Inject(getConnectionToken()) private readonly connection: Connection,
    @Inject(CONTACT_CONFIG) private readonly config: ContactConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const projection = contactReactor(this.commands, {
      identity: this.config.IDENTITY_EVENTS_TOPIC,
      conversation: this.config.CONVERSATION_EVENTS_TOPIC,
    });
    const prefix = this.config.PROJECTION_GROUP_PREFIX;
    this.runner = createProjectionRunner({
      service: 'contact',
      kafka: this.kafka,
      db: this.connection.db as never,
      projection,
      groupId: prefix ? `${prefix}.${projectionGroupId('contact', projection)}` : undefined,
    });
    await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
  }
}
