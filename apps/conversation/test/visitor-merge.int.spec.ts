/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the matchers */
import { CommandBus } from '@nestjs/cqrs';
import { contactIdOf } from '@threadline/contracts';
import { MergeVisitorConversationCommand } from '../src/application';
import { clientMessageId, testApplicationId, waitFor, type Answer } from './support/http';
import {
  startConversation,
  startIdentity,
  settled,
  type Conversation,
  type Identity,
} from './support/services';

describe('S12: a visitor who logs in on the same device (real identity, Kafka and store)', () => {
  let identity: Identity;
  let conversation: Conversation;

  beforeAll(async () => {
    [identity, conversation] = await Promise.all([startIdentity(), startConversation()]);
  }, 180_000);

  afterAll(async () => {
    await conversation?.close();
    await identity?.running.close();
  });

  const send = (app: string, contactId: string, author: object, text: string) =>
    conversation.api.post('/internal/threads/messages', {
      applicationId: app,
      contactId,
      clientMessageId: clientMessageId(),
      author,
      text,
    });
  const page = async (app: string, contactId: string): Promise<any[]> =>
    (await conversation.api.get(`/internal/threads/${app}/${contactId}/messages?limit=200`)).body
      .messages;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

  it("merges the visitor's conversation into the user's thread in time order, each message once, and closes the visitor thread", async () => {
    const app = identity.applicationId;
    const visitor = await identity.init({ name: 'Vera' });
    expect(visitor.body).toMatchObject({ mode: 'visitor' });
    const visitorContact = contactIdOf(app, { kind: 'visitor', visitorId: visitor.body.visitorId });
    const userContact = contactIdOf(app, { kind: 'user', userId: 'vera-42' });
    const device = { kind: 'user', deviceId: 'vera-laptop' };

    // The user's thread from another device and the visitor's, interleaved in time.
    const sent: Answer[] = [];
    for (const [contact, author, text] of [
      [userContact, { kind: 'user', deviceId: 'vera-phone' }, 'u1: from my phone, logged in'],
      [visitorContact, device, 'v1: hello, anonymous here'],
      [visitorContact, { kind: 'agent', agentId: 'agent-1' }, 'a1: hi visitor!'],
      [userContact, { kind: 'agent', agentId: 'agent-1' }, 'a2: hi Vera (phone)'],
      [visitorContact, device, 'v2: I will log in now'],
    ] as const) {
      const answer = await send(app, contact, author, text);
      expect(answer.status).toBe(201);
      sent.push(answer);
      await pause();
    }
    const read = await conversation.api.post('/internal/threads/read', {
      applicationId: app,
      contactId: visitorContact,
      side: 'user',
      upTo: sent[2]!.body.message.cursor,
    });
    expect(read.status).toBe(204);

    const login = await identity.init({ user_id: 'vera-42' }, visitor.body.deviceToken);
    expect(login.body).toMatchObject({ mode: 'user', userId: 'vera-42' });

    const merged = await waitFor(
      () => page(app, userContact),
      (messages) => messages?.length === 5,
    );
    expect(merged).toEqual(sent.map((answer) => answer.body.message));
    expect(merged[1]).toMatchObject({
      author: { kind: 'user', contactId: visitorContact, deviceId: 'vera-laptop' },
    });
    const summary = await waitFor(
      () => conversation.api.get(`/internal/threads/${app}/${userContact}`),
      (s) => s.body.messageCount === 5,
    );
    // The user read a1 as the visitor, not a2; no agent has read u1, v1 or v2.
    expect(summary.body.unread).toEqual({ user: 1, agent: 3 });

    const late = await send(app, visitorContact, device, 'v3: still there?');
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ error: 'THREAD_MERGED', mergedInto: userContact });
    await waitFor(
      () => conversation.api.get(`/internal/threads/${app}/${visitorContact}`),
      (s) => s.body.status === 'merged',
    );

    // Redelivered, or named again by a later login of another user: nothing changes.
    const commands = conversation.running.app.get(CommandBus);
    const again = await commands.execute(
      new MergeVisitorConversationCommand(app, 'vera-42', visitor.body.visitorId, 'c', 'c'),
    );
    expect(again).toEqual({ merged: true, messages: 0 });
    const otherUser = await identity.init({ user_id: 'someone-else' }, visitor.body.deviceToken);
    expect(otherUser.status).toBe(200);
    await settled(conversation);
    expect(await page(app, contactIdOf(app, { kind: 'user', userId: 'someone-else' }))).toEqual([]);
    expect(await page(app, userContact)).toEqual(merged);
  });

  it('under concurrent messages to both threads, every accepted message ends up in the user thread exactly once', async () => {
    const app = testApplicationId();
    const visitorContact = contactIdOf(app, { kind: 'visitor', visitorId: 'racer' });
    const userContact = contactIdOf(app, { kind: 'user', userId: 'racer-user' });
    for (let i = 0; i < 3; i++) {
      expect(
        (await send(app, visitorContact, { kind: 'user', deviceId: 'd' }, `before ${i}`)).status,
      ).toBe(201);
    }
    const commands = conversation.running.app.get(CommandBus);
    const [, visitorSends, userSends] = await Promise.all([
      commands.execute(new MergeVisitorConversationCommand(app, 'racer-user', 'racer', 'c', 'c')),
      Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          send(app, visitorContact, { kind: 'user', deviceId: 'd' }, `visitor race ${i}`),
        ),
      ),
      Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          send(app, userContact, { kind: 'agent', agentId: 'a' }, `user race ${i}`),
        ),
      ),
    ]);
    const accepted = visitorSends.filter((a) => a.status === 201);
    const refused = visitorSends.filter((a) => a.status === 409);
    expect(accepted.length + refused.length).toBe(10);
    expect(userSends.every((a) => a.status === 201)).toBe(true);

    const expected = 3 + accepted.length + 10;
    const thread = await waitFor(
      () => page(app, userContact),
      (messages) => messages?.length === expected,
    );
    const texts = thread.map((m) => m.text as string);
    expect(new Set(texts).size).toBe(expected);
    for (const answer of [...accepted, ...userSends])
      expect(texts).toContain(answer.body.message.text);
    const cursors = thread.map((m) => m.cursor as string);
    expect([...cursors].sort()).toEqual(cursors);
  });
});
