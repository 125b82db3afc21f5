import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { streamCatalogProjection } from '@threadline/eventing';
import {
  EventBackboneModule,
  HttpErrorFilter,
  JsonBodyGuard,
  ServiceKitModule,
} from '@threadline/service-kit';
import { agentSignInProviders } from './infrastructure/agents/agent-sign-in.providers';
import { authenticationProviders } from './infrastructure/authentication.providers';
import type { IdentityConfig } from './infrastructure/config/identity.config';
import { applicationsProjection } from './infrastructure/mongo/applications.projection';
import { identitiesProjection } from './infrastructure/mongo/identities.projection';
import { sessionsProjection } from './infrastructure/mongo/sessions.projection';
import { sessionProviders } from './infrastructure/sessions/sessions.providers';
import { tenancyProviders } from './infrastructure/tenancy.providers';
import { AgentSignInController } from './interface/http/agents/agent-sign-in.controller';
import { WidgetAuthController } from './interface/http/authentication/widget-auth.controller';
import { SessionsController } from './interface/http/sessions/sessions.controller';
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
          identitiesProjection(),
          sessionsProjection(),
        ]),
      ],
      controllers: [
        OrganizationsController,
        ApplicationsController,
        AgentsController,
        WidgetAuthController,
        SessionsController,
        AgentSignInController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: JsonBodyGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        ...tenancyProviders(config),
        ...authenticationProviders(config),
        ...sessionProviders(config),
        ...agentSignInProviders(config),
      ],
    };
  }
}
