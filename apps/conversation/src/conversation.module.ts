import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { eventsTopic } from '@threadline/contracts';
import { streamCatalogProjection } from '@threadline/eventing';
import {
  EventBackboneModule,
  HttpErrorFilter,
  JsonBodyGuard,
  ServiceKitModule,
} from '@threadline/service-kit';
import type { ConversationConfig } from './infrastructure/config/conversation.config';
import { conversationProviders } from './infrastructure/conversation.providers';
import { threadMessagesProjection } from './infrastructure/mongo/thread-messages.projection';
import { threadsProjection } from './infrastructure/mongo/threads.projection';
import { ThreadsController } from './interface/http/threads.controller';
import { VisitorLoginConsumer } from './interface/kafka/visitor-login.consumer';

export interface ConversationModuleOptions {
  /**
   * Where the service publishes and projects from; default `conversation.events`. Tests and
   * benchmarks that write thousands of messages give it a topic of their own.
   */
  eventsTopic?: string;
}

@Module({})
export class ConversationModule {
  static forRoot(
    config: ConversationConfig,
    options: ConversationModuleOptions = {},
  ): DynamicModule {
    const topics = [options.eventsTopic ?? eventsTopic('conversation')];
    return {
      module: ConversationModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'conversation', config, store: true }),
        CqrsModule.forRoot(),
        EventBackboneModule.forService(
          'conversation',
          [
            streamCatalogProjection('conversation', { topics }),
            threadsProjection({ topics }),
            threadMessagesProjection({ topics }),
          ],
          { topic: topics[0] },
        ),
      ],
      controllers: [ThreadsController],
      providers: [
        ...conversationProviders(),
        VisitorLoginConsumer,
        // Bodies the HTTP layer cannot read (too large, not UTF-8, aborted) are 4xx, not error logs.
        { provide: APP_GUARD, useClass: JsonBodyGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
