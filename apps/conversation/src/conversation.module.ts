import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventBackboneModule, ServiceKitModule } from '@threadline/service-kit';
import type { ConversationConfig } from './infrastructure/config/conversation.config';

@Module({})
export class ConversationModule {
  static forRoot(config: ConversationConfig): DynamicModule {
    return {
      module: ConversationModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'conversation', config, store: true }),
        CqrsModule.forRoot(),
        EventBackboneModule.forService('conversation'),
      ],
    };
  }
}
