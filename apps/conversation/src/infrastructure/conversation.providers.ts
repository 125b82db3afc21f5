import { Logger, type Provider } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import {
  AggregateRepository,
  EVENT_STORE,
  SNAPSHOT_STORE,
  systemClock,
  type EventStore,
  type SnapshotStore,
} from '@threadline/eventing';
import type { Connection } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import {
  CONVERSATION_CLOCK,
  conversationHandlers,
  MESSAGE_IDS,
  THREAD_HISTORY,
  THREAD_REPOSITORY,
  THREAD_VIEW,
} from '../application';
import { threadDecider } from '../domain';
import { cachedThreads } from './eventing/cached-threads';
import { EventStoreThreadHistory } from './eventing/event-store-thread-history';
import { threadCodec } from './eventing/thread.codec';
import { MongoThreadView } from './mongo/mongo-thread-view';

/**
 * A thread's state grows with its messages (no texts, about 150 bytes each), so long threads load
 * from a snapshot plus at most this many events.
 */
export const THREAD_SNAPSHOT_EVERY = 50;
/** Threads whose state one process keeps between commands (see cachedThreads). */
export const REMEMBERED_THREADS = 2_000;
/** Lost races per command before 409: only other processes race, this one queues per thread. */
export const THREAD_UPDATE_ATTEMPTS = 20;

/** Binds the conversation ports to their adapters; the handlers come with them. */
export function conversationProviders(): Provider[] {
  return [
    ...conversationHandlers,
    {
      provide: THREAD_REPOSITORY,
      inject: [EVENT_STORE, SNAPSHOT_STORE],
      useFactory: (store: EventStore, snapshots: SnapshotStore) => {
        const logger = new Logger('threads');
        const streams = new AggregateRepository(store, threadDecider, threadCodec, {
          snapshots: {
            store: snapshots,
            every: THREAD_SNAPSHOT_EVERY,
            schemaVersion: 1,
            onError: (error) => logger.warn(`thread snapshot not written: ${String(error)}`),
          },
        });
        return cachedThreads(streams, {
          maxThreads: REMEMBERED_THREADS,
          attempts: THREAD_UPDATE_ATTEMPTS,
        });
      },
    },
    {
      provide: THREAD_HISTORY,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new EventStoreThreadHistory(store),
    },
    {
      provide: THREAD_VIEW,
      inject: [getConnectionToken()],
      useFactory: (connection: Connection) =>
        new MongoThreadView(() => {
          if (!connection.db) throw new Error('the conversation store connection has no database');
          return connection.db;
        }),
    },
    { provide: CONVERSATION_CLOCK, useValue: systemClock },
    { provide: MESSAGE_IDS, useValue: () => uuidv7() },
  ];
}
