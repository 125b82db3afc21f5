import { contactIdOf } from '@threadline/contracts';
import { clientMessageId, waitFor } from './support/http';
import {
  startConversation,
  startIdentity,
  settled,
  type Conversation,
  type Identity,
} from './support/services';

/**
 * S6 at the conversation's edge: the gateway reaches a thread only with the contact id of a
 * session, and a refused init gets none. Here a refused init yields nothing to address the real
 * user's thread with, leaves that thread untouched, and a made-up contact id is refused.
 */
describe('S6: a refused authentication never reaches the real user thread (real identity, Kafka and store)', () => {
  let identity: Identity;
  let conversation: Conversation;

  beforeAll(async () => {
    [identity, conversation] = await Promise.all([startIdentity(), startConversation()]);
  }, 180_000);

  afterAll(async () => {
    await conversation?.close();
    await identity?.running.close();
  });

  it('a wrong security_hash gets 403 with no session, and the visitor chat of that device stays out of the thread', async () => {
    const app = identity.applicationId;
    const owner = await identity.init({ user_id: 'victim', security_hash: 'the-real-hash' });
    expect(owner.status).toBe(200);
    const victim = contactIdOf(app, { kind: 'user', userId: 'victim' });
    const secret = await conversation.api.post('/internal/threads/messages', {
      applicationId: app,
      contactId: victim,
      clientMessageId: clientMessageId(),
      author: { kind: 'user', deviceId: 'victim-device' },
      text: 'my private message',
    });
    expect(secret.status).toBe(201);

    // An attacker chats anonymously, then claims the victim's user_id on that device.
    const attacker = await identity.init({ name: 'Mallory' });
    const attackerContact = contactIdOf(app, {
      kind: 'visitor',
      visitorId: attacker.body.visitorId,
    });
    await conversation.api.post('/internal/threads/messages', {
      applicationId: app,
      contactId: attackerContact,
      clientMessageId: clientMessageId(),
      author: { kind: 'user', deviceId: 'mallory' },
      text: 'planted message',
    });
    const refused = await identity.init(
      { user_id: 'victim', security_hash: 'a-guess' },
      attacker.body.deviceToken,
    );
    expect(refused.status).toBe(403);
    expect(Object.keys(refused.body).sort()).toEqual(['error', 'message', 'reason', 'statusCode']);
    expect(refused.text).not.toMatch(/session|token|usr_|victim/i);

    await settled(conversation);
    const thread = await waitFor(
      () => conversation.api.get(`/internal/threads/${app}/${victim}/messages`),
      (page) => page.body.messages?.length >= 1,
    );
    expect(thread.body.messages.map((m: { text: string }) => m.text)).toEqual([
      'my private message',
    ]);
    const planted = await conversation.api.get(`/internal/threads/${app}/${attackerContact}`);
    expect(planted.body).toMatchObject({ status: 'open', messageCount: 1 });
  });

  it('the conversation API refuses a contact id it did not derive (400 naming contactId)', async () => {
    const app = identity.applicationId;
    const write = await conversation.api.post('/internal/threads/messages', {
      applicationId: app,
      contactId: 'victim',
      clientMessageId: clientMessageId(),
      author: { kind: 'user', deviceId: 'd' },
      text: 'let me in',
    });
    expect(write.status).toBe(400);
    expect(write.body).toMatchObject({ error: 'VALIDATION_FAILED', field: 'contactId' });
    const read = await conversation.api.get(`/internal/threads/${app}/user-victim/messages`);
    expect(read.body).toMatchObject({ statusCode: 400, field: 'contactId' });
  });
});
