import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventBackboneModule, ServiceKitModule } from '@threadline/service-kit';
import type { IdentityConfig } from './infrastructure/config/identity.config';

@Module({})
export class IdentityModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'identity', config, store: true }),
        CqrsModule.forRoot(),
        EventBackboneModule.forService('identity'),
      ],
    };
  }
}
