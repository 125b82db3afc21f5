import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ServiceKitModule } from '@threadline/service-kit';
import type { GatewayConfig } from './infrastructure/config/gateway.config';

@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ServiceKitModule.forRoot({
          service: 'gateway',
          config,
          store: false,
          upstreams: [
            { name: 'identity', url: config.IDENTITY_URL },
            { name: 'contact', url: config.CONTACT_URL },
            { name: 'conversation', url: config.CONVERSATION_URL },
          ],
        }),
        CqrsModule.forRoot(),
      ],
    };
  }
}
