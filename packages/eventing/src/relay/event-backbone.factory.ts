import { eventsTopic, type ServiceName } from '@threadline/contracts';
import type { KafkaClient } from '@threadline/kafka-client';
import type { Connection } from 'mongoose';
import { systemClock, type Clock } from '../store/clock.port';
import { MongoEventStore } from '../store/mongo-event-store';
import { MongoSnapshotStore } from '../store/mongo-snapshot-store';
import { MongoOutboxStore } from './mongo-outbox-store';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';

export interface EventBackboneOptions {
  /** The service's own database; pass `retryWrites: false` when connecting to FerretDB. */
  connection: Connection;
  kafka: KafkaClient;
  service: ServiceName;
  /** Defaults to `<service>.events`; tests pass a unique topic. */
  topic?: string;
  clock?: Clock;
  relay?: Pick<
    OutboxRelayOptions,
    'batchSize' | 'pollIntervalMs' | 'maxPollIntervalMs' | 'afterPublish' | 'onError'
  >;
  /** Nudge the relay after each append for low latency; default true. */
  nudgeOnAppend?: boolean;
  /**
   * Hand each append's commit to the relay in memory, sent at once without a store read; default
   * true. False leaves appends to the store pass (nudged).
   */
  handOffAppends?: boolean;
}

export interface EventBackbone {
  store: MongoEventStore;
  snapshots: MongoSnapshotStore;
  relay: OutboxRelay;
  topic: string;
  /** Creates the collections and indexes. */
  init(): Promise<void>;
}

/** Wires the event store, snapshots and outbox relay of one service. The relay is not started. */
export function createEventBackbone(options: EventBackboneOptions): EventBackbone {
  const clock = options.clock ?? systemClock;
  const topic = options.topic ?? eventsTopic(options.service);
  const outbox = new MongoOutboxStore(options.connection, clock);
  const relay = new OutboxRelay({
    ...options.relay,
    outbox,
    producer: options.kafka.producer(),
    topic,
  });
  const store = new MongoEventStore(options.connection, {
    clock,
    onAppended:
      options.nudgeOnAppend === false
        ? undefined
        : options.handOffAppends === false
          ? () => relay.nudge()
          : (result, commitId) =>
              relay.handOff({
                id: commitId,
                streamId: result.streamId,
                version: result.fromVersion + 1,
                events: result.events,
              }),
  });
  const snapshots = new MongoSnapshotStore(options.connection, clock);
  return {
    store,
    snapshots,
    relay,
    topic,
    async init() {
      await Promise.all([store.init(), snapshots.init(), outbox.init()]);
    },
  };
}
