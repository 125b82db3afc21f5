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
import { contactProviders } from './infrastructure/contact.providers';
import type { ContactConfig } from './infrastructure/config/contact.config';
import { contactsProjection } from './infrastructure/mongo/contacts.projection';
import { ContactsController } from './interface/http/contacts.controller';
import { ImportsController } from './interface/http/imports.controller';

@Module({})
export class ContactModule {
  static forRoot(config: ContactConfig): DynamicModule {
    const topics = [config.CONTACT_EVENTS_TOPIC];
    return {
      module: ContactModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'contact', config, store: true }),
        CqrsModule.forRoot(),
        EventBackboneModule.forService(
          'contact',
          [streamCatalogProjection('contact', { topics }), contactsProjection({ topics })],
          { topic: config.CONTACT_EVENTS_TOPIC },
        ),
      ],
      // Imports first: `GET :applicationId/imports` must not be taken for a contact id.
      controllers: [ImportsController, ContactsController],
      providers: [
        ...contactProviders(config),
        // Bodies the HTTP layer cannot read (too large, not UTF-8, aborted) are 4xx, not error logs.
        { provide: APP_GUARD, useClass: JsonBodyGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
