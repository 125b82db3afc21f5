import { contactIdOf } from '@threadline/contracts';
import { clientMessageId, httpClient, testApplicationId, waitFor } from './support/http';
import { startConversation, type Conversation } from './support/services';

describe('conversation internal API (real Kafka and store)', () => {
  let conversation: Conversation;
  let api: ReturnType<typeof httpClient>;
  const app = testApplicationId();

  beforeAll(async () => {
    conversation = await startConversation();
    api = conversation.api;
  });

  afterAll(() => conversation?.close());

  const send = (contactId: string, author: object, text: string, id = clientMessageId()) =>
    api.post('/internal/threads/messages', {
      applicationId: app,
      contactId,
      clientMessageId: id,
      author,
      text,
    });
  const page = (contactId: string, query = '') =>
    api.get(`/internal/threads/${app}/${contactId}/messages${query}`);

  it('S3, S13: two devices of one user write into one thread; an agent reply reaches both', async () => {
    const contactId = contactIdOf(app, { kind: 'user', userId: 'ann' });
    const phone = await send(contactId, { kind: 'user', deviceId: 'phone' }, 'From my phone');
    expect(phone.status).toBe(201);
    const laptop = await send(contactId, { kind: 'user', deviceId: 'laptop' }, 'And my laptop');
    expect(laptop.status).toBe(201);
    // Each commit's place in the stream, for the gateway's live delivery: one after the other.
    expect(phone.body.position.fromVersion).toBe(0);
    expect(laptop.body.position.fromVersion).toBe(phone.body.position.toVersion);
    // Each device caught up so far, as a reconnecting widget does.
    const phoneSeen = phone.body.message.cursor as string;
    const laptopSeen = laptop.body.message.cursor as string;

    const reply = await send(contactId, { kind: 'agent', agentId: 'agent-7' }, 'Hi Ann!');
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      duplicate: false,
      position: {
        fromVersion: laptop.body.position.toVersion,
        toVersion: laptop.body.position.toVersion + 1,
      },
      message: {
        messageId: expect.any(String),
        clientMessageId: expect.any(String),
        author: { kind: 'agent', agentId: 'agent-7' },
        text: 'Hi Ann!',
        sentAt: expect.any(String),
        cursor: expect.any(String),
      },
    });

    // Messages and unread counts are two projections; each catches up on its own.
    const full = await waitFor(
      () => page(contactId),
      (p) => p.body.messages?.length === 3 && p.body.unread.user === 1,
    );
    expect(full.body.messages.map((m: { text: string }) => m.text)).toEqual([
      'From my phone',
      'And my laptop',
      'Hi Ann!',
    ]);
    expect(full.body.messages[0].author).toEqual({ kind: 'user', contactId, deviceId: 'phone' });
    expect(full.body.unread).toEqual({ user: 1, agent: 2 });

    const onPhone = await page(contactId, `?after=${phoneSeen}`);
    const onLaptop = await page(contactId, `?after=${laptopSeen}`);
    expect(onPhone.body.messages.map((m: { text: string }) => m.text)).toEqual([
      'And my laptop',
      'Hi Ann!',
    ]);
    expect(onLaptop.body.messages).toEqual([reply.body.message]);
    expect(onLaptop.body.nextCursor).toBeNull();
  });

  it('a retried clientMessageId → 200 with the original message, stored once; another author → 409', async () => {
    const contactId = contactIdOf(app, { kind: 'user', userId: 'bob' });
    const id = clientMessageId();
    const first = await send(contactId, { kind: 'user', deviceId: 'd1' }, 'Once', id);
    const again = await send(contactId, { kind: 'user', deviceId: 'd1' }, 'Once', id);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual({ duplicate: true, message: first.body.message });
    const stolen = await send(contactId, { kind: 'agent', agentId: 'a1' }, 'Mine', id);
    expect(stolen.status).toBe(409);
    expect(stolen.body).toMatchObject({
      error: 'CLIENT_MESSAGE_ID_CONFLICT',
      field: 'clientMessageId',
    });
    await send(contactId, { kind: 'agent', agentId: 'a1' }, 'Marker');
    const stored = await waitFor(
      () => page(contactId),
      (p) => p.body.messages?.length === 2,
    );
    expect(stored.body.messages.map((m: { text: string }) => m.text)).toEqual(['Once', 'Marker']);
  });

  it('read markers set the unread count of their side; the summary and the agents list show the thread', async () => {
    const contactId = contactIdOf(app, { kind: 'user', userId: 'cleo' });
    await send(contactId, { kind: 'user', deviceId: 'd1' }, 'Question');
    const a1 = await send(contactId, { kind: 'agent', agentId: 'a1' }, 'Answer 1');
    await send(contactId, { kind: 'agent', agentId: 'a1' }, 'Answer 2');
    const read = await api.post('/internal/threads/read', {
      applicationId: app,
      contactId,
      side: 'user',
      upTo: a1.body.message.cursor,
    });
    expect(read.status).toBe(204);
    const byId = await api.post('/internal/threads/read', {
      applicationId: app,
      contactId,
      side: 'agent',
      upTo: a1.body.message.messageId,
    });
    expect(byId.status).toBe(204);
    const summary = await waitFor(
      () => api.get(`/internal/threads/${app}/${contactId}`),
      (s) => s.body.readUpTo?.agent !== null && s.body.messageCount === 3,
    );
    expect(summary.body).toMatchObject({
      applicationId: app,
      contactId,
      status: 'open',
      messageCount: 3,
      lastMessage: { text: 'Answer 2' },
      unread: { user: 1, agent: 0 },
      readUpTo: { user: a1.body.message.cursor, agent: a1.body.message.cursor },
    });
    const list = await api.get(`/internal/threads/${app}?limit=100`);
    expect(list.status).toBe(200);
    const listed = list.body.threads.map((t: { contactId: string }) => t.contactId);
    expect(listed[0]).toBe(contactId);
    expect(listed).toContain(contactIdOf(app, { kind: 'user', userId: 'ann' }));
  });

  it('an unknown thread is an empty page and an empty summary, not an error', async () => {
    const contactId = contactIdOf(app, { kind: 'user', userId: 'nobody' });
    expect((await page(contactId)).body).toEqual({
      messages: [],
      nextCursor: null,
      unread: { user: 0, agent: 0 },
    });
    expect((await api.get(`/internal/threads/${app}/${contactId}`)).body).toMatchObject({
      status: 'empty',
      messageCount: 0,
      lastMessage: null,
    });
  });

  it('S18: bad input → 400 naming the field, never 5xx', async () => {
    const contactId = contactIdOf(app, { kind: 'user', userId: 'dan' });
    const good = {
      applicationId: app,
      contactId,
      clientMessageId: clientMessageId(),
      author: { kind: 'user', deviceId: 'd1' },
      text: 'Hi',
    };
    const cases: [unknown, string][] = [
      [{ ...good, contactId: 'user-12345' }, 'contactId'],
      [{ ...good, clientMessageId: 'short' }, 'clientMessageId'],
      [{ ...good, text: '   ' }, 'text'],
      [{ ...good, text: 'x'.repeat(10_001) }, 'text'],
      [{ ...good, author: { kind: 'robot' } }, 'author.kind'],
      [{ ...good, extra: 1 }, 'extra'],
      [{ ...good, applicationId: undefined }, 'applicationId'],
    ];
    for (const [body, field] of cases) {
      const answer = await api.post('/internal/threads/messages', body);
      expect({ status: answer.status, field: answer.body.field }).toEqual({ status: 400, field });
    }
    const badCursor = await page(contactId, '?before=not-a-cursor');
    expect(badCursor.body).toMatchObject({ statusCode: 400, field: 'before' });
    expect((await page(contactId, '?limit=1000')).body).toMatchObject({ field: 'limit' });
    expect((await api.get(`/internal/threads/${app}/not-a-contact/messages`)).body).toMatchObject({
      statusCode: 400,
      field: 'contactId',
    });
    const unknownMessage = await api.post('/internal/threads/read', {
      applicationId: app,
      contactId,
      side: 'agent',
      upTo: 'no-such-message',
    });
    expect(unknownMessage.body).toMatchObject({ statusCode: 400, field: 'upTo' });
  });

  it("S17: another application's request sees nothing of a thread and cannot write to it", async () => {
    const contactId = contactIdOf(app, { kind: 'user', userId: 'eve' });
    expect((await send(contactId, { kind: 'user', deviceId: 'd1' }, 'Private')).status).toBe(201);
    await waitFor(
      () => page(contactId),
      (p) => p.body.messages?.length === 1,
    );
    const other = 'other-application';
    expect(
      (await api.get(`/internal/threads/${other}/${contactId}/messages`)).body.messages,
    ).toEqual([]);
    const write = await api.post('/internal/threads/messages', {
      applicationId: other,
      contactId,
      clientMessageId: clientMessageId(),
      author: { kind: 'agent', agentId: 'intruder' },
      text: 'Hello?',
    });
    expect(write.status).toBe(404);
    expect(write.body).toMatchObject({ error: 'THREAD_NOT_FOUND' });
  });
});
