import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventBackboneModule, ServiceKitModule } from '@threadline/service-kit';
import type { ContactConfig } from './infrastructure/config/contact.config';

@Module({})
export class ContactModule {
  static forRoot(config: ContactConfig): DynamicModule {
    return {
      module: ContactModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'contact', config, store: true }),
        CqrsModule.forRoot(),
        EventBackboneModule.forService('contact'),
      ],
    };
  }
}
