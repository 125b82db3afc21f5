import 'reflect-metadata';
import { Inject, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, CommandHandler, CqrsModule, type ICommandHandler } from '@nestjs/cqrs';
import {
  aConversationStarted,
  aMessageSent,
  metadata,
  threadCodec,
  threadDecider,
  ThreadNotStartedError,
  type ThreadCommand,
  type ThreadEvent,
  type ThreadState,
} from '../../test/store/thread.fixture';
import { ConcurrencyError } from '../store/concurrency.error';
import type { EventStore } from '../store/event-store.port';
import { InMemoryEventStore } from '../store/in-memory-event-store';
import { InMemorySnapshotStore } from '../store/in-memory-snapshot-store';
import { AggregateRepository } from './aggregate-repository';

type ThreadRepository = AggregateRepository<ThreadState, ThreadCommand, ThreadEvent>;

function setup(store: EventStore = new InMemoryEventStore()) {
  return { store, repository: new AggregateRepository(store, threadDecider, threadCodec) };
}

describe('AggregateRepository', () => {
  it('given a started thread, when a message is sent, then one event is appended at the loaded version', async () => {
    const { store, repository } = setup();
    await store.append('t1', 0, [aConversationStarted()]);

    const result = await repository.execute(
      't1',
      { kind: 'send', clientMessageId: 'm-1', text: 'Hi' },
      metadata,
    );

    expect(result).toMatchObject({ fromVersion: 1, toVersion: 2 });
    const events = await store.load('t1');
    expect(events.map((e) => [e.type, e.streamVersion, e.correlationId])).toEqual([
      ['conversation.conversation-started', 1, 'corr-1'],
      ['conversation.message-sent', 2, 'corr-1'],
    ]);
  });

  it('given no decision to make, then nothing is appended', async () => {
    const { store, repository } = setup();
    await store.append('t1', 0, [aConversationStarted(), aMessageSent({ clientMessageId: 'm-1' })]);

    await expect(
      repository.execute('t1', { kind: 'send', clientMessageId: 'm-1', text: 'again' }, metadata),
    ).resolves.toBeNull();
    expect(await store.load('t1')).toHaveLength(2);
  });

  it('given a thread that was never started, then the domain error passes through untouched', async () => {
    const { repository } = setup();

    await expect(
      repository.execute('t1', { kind: 'send', clientMessageId: 'm-1', text: 'Hi' }, metadata),
    ).rejects.toBeInstanceOf(ThreadNotStartedError);
  });

  it('given a writer that appends between load and save, then it reloads and decides again', async () => {
    const inner = new InMemoryEventStore();
    await inner.append('t1', 0, [aConversationStarted()]);
    let raced = false;
    const racing: EventStore = {
      load: (id, options) => inner.load(id, options),
      async append(id, expected, events) {
        if (!raced) {
          raced = true;
          await inner.append(id, expected, [aMessageSent({ clientMessageId: 'other' })]);
        }
        return inner.append(id, expected, events);
      },
    };
    const { repository } = setup(racing);

    const result = await repository.execute(
      't1',
      { kind: 'send', clientMessageId: 'm-1', text: 'Hi' },
      metadata,
    );

    expect(result).toMatchObject({ fromVersion: 2, toVersion: 3 });
  });

  it('given a writer that always wins, then it refuses with ConcurrencyError after the attempts', async () => {
    const inner = new InMemoryEventStore();
    await inner.append('t1', 0, [aConversationStarted()]);
    let n = 0;
    const alwaysLate: EventStore = {
      load: (id, options) => inner.load(id, options),
      async append(id, expected, events) {
        await inner.append(id, expected, [aMessageSent({ clientMessageId: `other-${++n}` })]);
        return inner.append(id, expected, events);
      },
    };
    const { repository } = setup(alwaysLate);

    await expect(
      repository.execute('t1', { kind: 'send', clientMessageId: 'm-1', text: 'Hi' }, metadata, {
        attempts: 2,
      }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
    expect(n).toBe(2);
  });

  it('loads the same state from a snapshot as from the whole stream', async () => {
    const store = new InMemoryEventStore();
    const snapshots = new InMemorySnapshotStore();
    const withSnapshots = new AggregateRepository(store, threadDecider, threadCodec, {
      snapshots: { store: snapshots, every: 5, schemaVersion: 1 },
    });
    await withSnapshots.execute('t1', { kind: 'start', contactId: 'c-1' }, metadata);
    for (let i = 1; i <= 12; i++) {
      await withSnapshots.execute(
        't1',
        { kind: 'send', clientMessageId: `m-${i}`, text: 'x' },
        metadata,
      );
    }

    expect(await snapshots.read('t1')).toMatchObject({ version: 10, schemaVersion: 1 });
    const fromSnapshot = await withSnapshots.load('t1');
    const full = await setup(store).repository.load('t1');
    expect(fromSnapshot.state).toEqual(full.state);
    expect(fromSnapshot.version).toBe(13);
  });
});

class SendMessage {
  constructor(
    readonly threadId: string,
    readonly clientMessageId: string,
    readonly text: string,
  ) {}
}

const THREAD_REPOSITORY = Symbol('THREAD_REPOSITORY');

@CommandHandler(SendMessage)
class SendMessageHandler implements ICommandHandler<SendMessage> {
  constructor(@Inject(THREAD_REPOSITORY) private readonly threads: ThreadRepository) {}

  execute(command: SendMessage) {
    return this.threads.execute(
      command.threadId,
      { kind: 'send', clientMessageId: command.clientMessageId, text: command.text },
      metadata,
    );
  }
}

describe('a @nestjs/cqrs command handler on the repository', () => {
  it('given a started thread, when SendMessage goes through the CommandBus, then the event is in the stream', async () => {
    const store = new InMemoryEventStore();
    await store.append('t1', 0, [aConversationStarted()]);
    @Module({
      imports: [CqrsModule.forRoot()],
      providers: [
        SendMessageHandler,
        {
          provide: THREAD_REPOSITORY,
          useValue: new AggregateRepository(store, threadDecider, threadCodec),
        },
      ],
    })
    class ThreadModule {}
    const app = await NestFactory.createApplicationContext(ThreadModule, { logger: false });
    try {
      await app.get(CommandBus).execute(new SendMessage('t1', 'm-1', 'Hi'));
    } finally {
      await app.close();
    }

    expect((await store.load('t1')).map((e) => e.type)).toEqual([
      'conversation.conversation-started',
      'conversation.message-sent',
    ]);
  });
});
