import { Logger, type Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import {
  AggregateRepository,
  EVENT_STORE,
  systemClock,
  type EventStore,
} from '@threadline/eventing';
import type { Connection } from 'mongoose';
import { DeviceSessions } from '../../application/sessions/device-sessions.service';
import { ENDED_SESSIONS } from '../../application/sessions/ended-sessions.port';
import { SESSION_ISSUER } from '../../application/sessions/session-issuer.port';
import {
  SESSION_CLOCK,
  SESSION_REPOSITORY,
  SESSION_SETTINGS,
} from '../../application/sessions/session-repository.port';
import { SESSION_TOKENS } from '../../application/sessions/session-tokens.port';
import { sessionDecider } from '../../domain/sessions/session.decider';
import type { IdentityConfig } from '../config/identity.config';
import { sessionCodec } from '../eventing/session.codec';
import { MongoEndedSessions } from '../mongo/mongo-ended-sessions';
import { HmacSessionTokens } from './hmac-session-tokens';
import { resolveSessionKeyRing } from './session-key-ring';

/** Binds the device-session ports (S8); `SESSION_ISSUER` is what widget authentication calls. */
export function sessionProviders(config: IdentityConfig): Provider[] {
  return [
    DeviceSessions,
    { provide: SESSION_ISSUER, useExisting: DeviceSessions },
    {
      provide: SESSION_TOKENS,
      useFactory: () => {
        const { ring, source } = resolveSessionKeyRing(config.IDENTITY_SESSION_KEY);
        if (source === 'development-default') {
          new Logger('identity').warn(
            'IDENTITY_SESSION_KEY is not set: device session tokens are signed with a PUBLIC ' +
              'development key, so anyone can forge them. Set IDENTITY_SESSION_KEY ' +
              '(<keyId>:<secret of 32+ characters>, comma-separated, signing key first); ' +
              'production refuses to start without it.',
          );
        }
        return new HmacSessionTokens(ring);
      },
    },
    {
      provide: SESSION_REPOSITORY,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) =>
        new AggregateRepository(store, sessionDecider, sessionCodec),
    },
    {
      provide: ENDED_SESSIONS,
      inject: [getConnectionToken()],
      useFactory: (connection: Connection) =>
        new MongoEndedSessions(() => {
          if (!connection.db) throw new Error('the identity store connection has no database');
          return connection.db;
        }),
    },
    { provide: SESSION_CLOCK, useValue: systemClock },
    { provide: SESSION_SETTINGS, useValue: { ttlSeconds: config.IDENTITY_SESSION_TTL_SECONDS } },
  ];
}
