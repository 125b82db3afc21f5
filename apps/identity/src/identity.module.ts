import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { streamCatalogProjection } from '@threadline/eventing';
import { EventBackboneModule, ServiceKitModule } from '@threadline/service-kit';
import type { IdentityConfig } from './infrastructure/config/identity.config';
import { applicationsProjection } from './infrastructure/mongo/applications.projection';
import { tenancyProviders } from './infrastructure/tenancy.providers';
import { AgentsController } from './interface/http/tenancy/agents.controller';
import { ApplicationsController } from './interface/http/tenancy/applications.controller';
import { OrganizationsController } from './interface/http/tenancy/organizations.controller';

@Module({})
export class IdentityModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'identity', config, store: true }),
        CqrsModule.forRoot(),
        EventBackboneModule.forService('identity', [
          streamCatalogProjection('identity'),
          applicationsProjection(),
        ]),
      ],
      controllers: [OrganizationsController, ApplicationsController, AgentsController],
      providers: [...tenancyProviders(config)],
    };
  }
}
