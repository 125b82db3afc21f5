import { Logger, type Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import {
  AggregateRepository,
  CachedAggregates,
  EVENT_STORE,
  SNAPSHOT_STORE,
  systemClock,
  type EventStore,
  type SnapshotStore,
} from '@threadline/eventing';
import type { Connection } from 'mongoose';
import {
  AUTHENTICATION_ATTEMPTS,
  AUTHENTICATION_CLOCK,
  AUTHENTICATION_RANDOMNESS,
  authenticationHandlers,
  FAILED_GUESSES,
  SECURITY_HASH_PEPPER,
  USER_IDENTITY_REPOSITORY,
  VISITOR_REPOSITORY,
} from '../application/authentication';
import { userIdentityDecider, visitorDecider } from '../domain';
import type { IdentityConfig } from './config/identity.config';
import { resolveHashPepper } from './crypto/hash-pepper';
import { CryptoAuthenticationRandomness } from './crypto/random-authentication-randomness';
import { userIdentityCodec } from './eventing/user-identity.codec';
import { visitorCodec } from './eventing/visitor.codec';
import { MongoFailedGuesses } from './mongo/mongo-failed-guesses';

/**
 * Every init appends to the user's stream, so a user who comes back daily loads from a snapshot
 * plus at most this many events when this process has not seen them lately.
 */
export const USER_SNAPSHOT_EVERY = 50;
/** Users whose state one process keeps between inits, about 1 KiB each. */
export const REMEMBERED_USERS = 10_000;

/**
 * Binds the widget-authentication ports; the handler comes with them. `SESSION_ISSUER` is bound
 * by the sessions providers.
 */
export function authenticationProviders(config: IdentityConfig): Provider[] {
  return [
    ...authenticationHandlers,
    {
      provide: USER_IDENTITY_REPOSITORY,
      inject: [EVENT_STORE, SNAPSHOT_STORE],
      useFactory: (store: EventStore, snapshots: SnapshotStore) => {
        const logger = new Logger('identity');
        const streams = new AggregateRepository(store, userIdentityDecider, userIdentityCodec, {
          snapshots: {
            store: snapshots,
            every: USER_SNAPSHOT_EVERY,
            schemaVersion: 1,
            onError: (error) => logger.warn(`user identity snapshot not written: ${String(error)}`),
          },
        });
        return new CachedAggregates(streams, userIdentityDecider, {
          maxStreams: REMEMBERED_USERS,
          attempts: AUTHENTICATION_ATTEMPTS,
          // decideAuthentication refuses by deciding AuthenticationRejected, which is appended.
          isRefusal: () => false,
        });
      },
    },
    {
      provide: VISITOR_REPOSITORY,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) =>
        new AggregateRepository(store, visitorDecider, visitorCodec),
    },
    { provide: AUTHENTICATION_RANDOMNESS, useValue: new CryptoAuthenticationRandomness() },
    { provide: AUTHENTICATION_CLOCK, useValue: systemClock },
    {
      provide: SECURITY_HASH_PEPPER,
      useFactory: () => {
        const resolved = resolveHashPepper(config.IDENTITY_HASH_PEPPER);
        if (resolved.source === 'development-default') {
          new Logger('identity').warn(
            'IDENTITY_HASH_PEPPER is not set: security hashes are keyed with a PUBLIC development ' +
              'pepper. Set IDENTITY_HASH_PEPPER (at least 32 bytes) before any real init; ' +
              'production refuses to start without it.',
          );
        }
        return resolved.pepper;
      },
    },
    {
      provide: FAILED_GUESSES,
      inject: [getConnectionToken()],
      useFactory: (connection: Connection) =>
        new MongoFailedGuesses(() => {
          if (!connection.db) throw new Error('the identity store connection has no database');
          return connection.db;
        }),
    },
  ];
}
