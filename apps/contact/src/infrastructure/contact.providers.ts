import type { Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import {
  AggregateRepository,
  CachedAggregates,
  EVENT_STORE,
  type EventStore,
} from '@threadline/eventing';
import type { Connection, mongo } from 'mongoose';
import { contactHandlers } from '../application/contacts';
import {
  ContactImportService,
  IMPORT_LEDGER,
  IMPORT_OPTIONS,
  IMPORT_STATUS_STORE,
} from '../application/import';
import { CONTACT_CLOCK } from '../application/ports/clock.port';
import {
  CONTACT_REPOSITORY,
  REMEMBERED_CONTACTS,
  type ContactRepository,
} from '../application/ports/contact-repository.port';
import { CONTACTS_READ_MODEL } from '../application/ports/contacts-read-model.port';
import { ContactError, contactDecider } from '../domain';
import { CONTACT_CONFIG } from './config/contact-config.token';
import type { ContactConfig } from './config/contact.config';
import { contactCodec } from './eventing/contact.codec';
import { LongUploads } from './http/long-uploads';
import { ContactReactorRunner } from './kafka/contact-reactor.runner';
import { MongoContactsReadModel } from './mongo/mongo-contacts.read-model';
import { MongoImportLedger } from './mongo/mongo-import-ledger';
import { MongoImportStatuses } from './mongo/mongo-import-statuses';

function database(connection: Connection): () => mongo.Db {
  return () => {
    if (!connection.db) throw new Error('the contact store connection has no database');
    return connection.db;
  };
}

/**
 * Contacts whose state one process keeps between commands: those chatting now. A state is a few
 * hundred bytes, up to tens of KB with the 100 custom attributes a contact may have.
 */
export const REMEMBERED_CONTACT_STREAMS = 2_000;
/** One decision on remembered state, then the three fresh ones a plain repository makes. */
export const CONTACT_UPDATE_ATTEMPTS = 4;

/** Binds the contact service's ports to their adapters; handlers and runners come with them. */
export function contactProviders(config: ContactConfig): Provider[] {
  return [
    ...contactHandlers,
    ContactImportService,
    ContactReactorRunner,
    LongUploads,
    { provide: CONTACT_CONFIG, useValue: config },
    { provide: CONTACT_CLOCK, useValue: { now: () => new Date() } },
    { provide: IMPORT_OPTIONS, useValue: { batchRows: config.CONTACT_IMPORT_BATCH_ROWS } },
    {
      provide: CONTACT_REPOSITORY,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) =>
        new AggregateRepository(store, contactDecider, contactCodec),
    },
    {
      provide: REMEMBERED_CONTACTS,
      inject: [CONTACT_REPOSITORY],
      useFactory: (streams: ContactRepository) =>
        new CachedAggregates(streams, contactDecider, {
          maxStreams: REMEMBERED_CONTACT_STREAMS,
          attempts: CONTACT_UPDATE_ATTEMPTS,
          isRefusal: (error) => error instanceof ContactError,
        }),
    },
    {
      provide: CONTACTS_READ_MODEL,
      inject: [getConnectionToken()],
      useFactory: (connection: Connection) => new MongoContactsReadModel(database(connection)),
    },
    {
      provide: IMPORT_LEDGER,
      inject: [getConnectionToken()],
      useFactory: async (connection: Connection) => {
        const ledger = new MongoImportLedger(database(connection));
        await ledger.init();
        return ledger;
      },
    },
    {
      provide: IMPORT_STATUS_STORE,
      inject: [getConnectionToken()],
      useFactory: (connection: Connection) => new MongoImportStatuses(database(connection)),
    },
  ];
}
