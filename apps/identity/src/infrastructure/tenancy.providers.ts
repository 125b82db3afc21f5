import { Logger, type Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import {
  AggregateRepository,
  EVENT_STORE,
  systemClock,
  type EventStore,
} from '@threadline/eventing';
import type { Connection, mongo } from 'mongoose';
import {
  AGENT_REPOSITORY,
  APPLICATION_REPOSITORY,
  APPLICATIONS_READ_MODEL,
  IDENTITY_KEY_SECRETS,
  ORGANIZATION_REPOSITORY,
  SECRET_HASHER,
  TENANCY_CLOCK,
  TENANCY_RANDOMNESS,
  tenancyHandlers,
} from '../application/tenancy';
import { agentDecider, applicationDecider, organizationDecider } from '../domain/tenancy';
import type { IdentityConfig } from './config/identity.config';
import { AesGcmCipher } from './crypto/aes-gcm-cipher';
import { resolveMasterKey } from './crypto/master-key';
import { CryptoTenancyRandomness } from './crypto/random-tenancy-randomness';
import { ScryptSecretHasher } from './crypto/scrypt-secret-hasher';
import { CachingSecretHasher } from './crypto/caching-secret-hasher';
import { agentCodec, applicationCodec, organizationCodec } from './eventing/tenancy.codecs';
import { MongoApplicationsReadModel } from './mongo/mongo-applications.read-model';
import { MongoIdentityKeySecrets } from './mongo/mongo-identity-key-secrets';

function database(connection: Connection): () => mongo.Db {
  return () => {
    if (!connection.db) throw new Error('the identity store connection has no database');
    return connection.db;
  };
}

/** Binds the tenancy ports to their adapters; the handlers come with them. */
export function tenancyProviders(config: IdentityConfig): Provider[] {
  return [
    ...tenancyHandlers,
    {
      provide: ORGANIZATION_REPOSITORY,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) =>
        new AggregateRepository(store, organizationDecider, organizationCodec),
    },
    {
      provide: APPLICATION_REPOSITORY,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) =>
        new AggregateRepository(store, applicationDecider, applicationCodec),
    },
    {
      provide: AGENT_REPOSITORY,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new AggregateRepository(store, agentDecider, agentCodec),
    },
    { provide: SECRET_HASHER, useValue: new CachingSecretHasher(new ScryptSecretHasher()) },
    { provide: TENANCY_RANDOMNESS, useValue: new CryptoTenancyRandomness() },
    { provide: TENANCY_CLOCK, useValue: systemClock },
    {
      provide: IDENTITY_KEY_SECRETS,
      inject: [getConnectionToken()],
      useFactory: (connection: Connection) => {
        const masterKey = resolveMasterKey(config.IDENTITY_MASTER_KEY);
        if (masterKey.source === 'development-default') {
          new Logger('identity').warn(
            'IDENTITY_MASTER_KEY is not set: identity-verification secrets are encrypted under a ' +
              'PUBLIC development key. Set IDENTITY_MASTER_KEY (32 bytes, hex or base64) before ' +
              'storing any real secret; production refuses to start without it.',
          );
        }
        return new MongoIdentityKeySecrets(database(connection), new AesGcmCipher(masterKey.key));
      },
    },
    {
      provide: APPLICATIONS_READ_MODEL,
      inject: [getConnectionToken()],
      useFactory: (connection: Connection) => new MongoApplicationsReadModel(database(connection)),
    },
  ];
}
