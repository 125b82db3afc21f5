import { getConnectionToken } from '@nestjs/mongoose';
import { EVENT_STORE, type EventStore } from '@threadline/eventing';
import { serviceTestEnv, startNestApp, uniqueName, type RunningApp } from '@threadline/testing';
import type { Connection } from 'mongoose';
import { ConversationModule } from '../src/conversation.module';
import { loadConversationConfig } from '../src/infrastructure/config/conversation.config';

describe('conversation service event backbone (real Kafka and store)', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startNestApp(
      ConversationModule.forRoot(loadConversationConfig(serviceTestEnv('conversation'))),
    );
  });

  afterAll(() => running?.close());

  it('an appended event goes out through the relay and Kafka into the live stream catalog', async () => {
    const store = running.app.get<EventStore>(EVENT_STORE);
    const db = running.app.get<Connection>(getConnectionToken());
    const streamId = uniqueName('thread');

    await store.append(streamId, 0, [
      {
        type: 'conversation.conversation-started',
        version: 1,
        payload: { contactId: 'contact-1' },
        tenantId: 'app-test',
        correlationId: 'corr-1',
        causationId: 'cause-1',
      },
    ]);

    const deadline = Date.now() + 60_000;
    let entry: Record<string, unknown> | null = null;
    while (!entry && Date.now() < deadline) {
      entry = await db.collection('stream_catalog').findOne({ _id: streamId as never });
      if (!entry) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(entry).toMatchObject({
      streamId,
      streamVersion: 1,
      eventCount: 1,
      tenantId: 'app-test',
    });
    expect(await db.collection('commits').findOne({ streamId })).toMatchObject({ published: true });
  });
});
