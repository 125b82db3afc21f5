import { uniqueName } from '@threadline/testing';
import {
  eventsOf,
  eventually,
  getJson,
  sendJson,
  startContactService,
  type ContactServiceUnderTest,
  type Json,
} from './contact-service.harness';

describe('who is in Contacts (S9), from identity and conversation events on the real broker and store', () => {
  let service: ContactServiceUnderTest;
  const applicationId = uniqueName('app');
  const events = eventsOf(applicationId);

  beforeAll(async () => {
    service = await startContactService();
  });

  afterAll(async () => {
    await service?.stop();
    await service?.dispose();
  });

  const contact = (contactId: string) =>
    getJson(`${service.url}/internal/contacts/${applicationId}/${contactId}`);
  const listed = async (authenticated?: boolean) => {
    const query = authenticated === undefined ? '' : `?authenticated=${authenticated}`;
    const page = await getJson(`${service.url}/internal/contacts/${applicationId}${query}`);
    expect(page.status).toBe(200);
    return (page.body.contacts as { contactId: string }[]).map((c) => c.contactId);
  };
  const whenContact = (contactId: string, ready: (body: Json) => boolean, what: string) =>
    eventually(async () => {
      const answer = await contact(contactId);
      return answer.status === 200 && ready(answer.body) ? answer.body : undefined;
    }, what);

  it('S9a: a user who initializes is listed at once, with the profile sent, even without a conversation', async () => {
    const contactId = events.userContactId('user-a');
    await service.publish(service.topics.identity, [
      events.userAuthenticated('user-a', {
        profile: { email: 'ann@example.com', name: 'Ann', company: 'Acme' },
        at: '2026-11-23T10:00:00.000Z',
      }),
    ]);
    const view = await whenContact(contactId, (b) => b.lastSeenAt !== null, 'the user contact');
    expect(view).toEqual({
      contactId,
      applicationId,
      userId: 'user-a',
      name: 'Ann',
      email: 'ann@example.com',
      phone: '',
      company: 'Acme',
      authenticated: true,
      source: 'widget',
      customAttributes: {},
      createdAt: expect.any(String),
      lastSeenAt: '2026-11-23T10:00:00.000Z',
    });
    expect(await listed(true)).toContain(contactId);

    // A later init sends changed fields: they update the contact (S2).
    await service.publish(service.topics.identity, [
      events.userAuthenticated('user-a', {
        profile: { email: 'ann@acme.example', phone: '+100' },
        streamVersion: 2,
        at: '2026-11-23T11:00:00.000Z',
      }),
    ]);
    const updated = await whenContact(contactId, (b) => b.phone === '+100', 'the updated profile');
    expect(updated).toMatchObject({
      name: 'Ann',
      email: 'ann@acme.example',
      phone: '+100',
      company: 'Acme',
      lastSeenAt: '2026-11-23T11:00:00.000Z',
    });
  });

  it('S5/S9a: a user without a name shows the generated one and an empty email', async () => {
    const contactId = events.userContactId('user-nameless');
    await service.publish(service.topics.identity, [
      events.userAuthenticated('user-nameless', { generatedName: 'Giant Duck (anonym)' }),
    ]);
    const view = await whenContact(contactId, () => true, 'the nameless user');
    expect(view).toMatchObject({ name: 'Giant Duck (anonym)', email: '', authenticated: true });
  });

  it('S9b: a visitor who filled in the pre-chat form becomes an authenticated contact with its first message', async () => {
    const contactId = events.visitorContactId('visitor-b');
    await service.publish(service.topics.identity, [
      events.visitorStarted('visitor-b', 'Brave Otter (anonym)'),
    ]);
    const anonymous = await whenContact(contactId, () => true, 'the visitor contact');
    expect(anonymous).toMatchObject({
      name: 'Brave Otter (anonym)',
      authenticated: false,
      source: 'widget',
      userId: null,
    });
    expect(await listed(true)).not.toContain(contactId);
    expect(await listed(false)).toContain(contactId);

    const form = await sendJson('POST', `${service.url}/internal/contacts/pre-chat`, {
      applicationId,
      contactId,
      name: 'Bob',
      email: 'bob@example.com',
    });
    expect(form.status).toBe(204);
    const filledIn = await whenContact(contactId, (b) => b.name === 'Bob', 'the pre-chat form');
    expect(filledIn).toMatchObject({ email: 'bob@example.com', authenticated: false });

    // An agent's message is not the visitor's own.
    await service.publish(service.topics.conversation, [
      events.messageSent(contactId, 'agent', 1),
      events.messageSent(contactId, 'user', 2, '2026-11-23T12:00:00.000Z'),
    ]);
    const authenticated = await whenContact(
      contactId,
      (b) => b.authenticated,
      'S9b authentication',
    );
    expect(authenticated).toMatchObject({
      name: 'Bob',
      email: 'bob@example.com',
      lastSeenAt: '2026-11-23T12:00:00.000Z',
    });
    expect(await listed(true)).toContain(contactId);
  });

  it('anonymous visitors who never wrote, or wrote without the form, stay out of the authenticated list', async () => {
    const silent = events.visitorContactId('visitor-silent');
    const formOnly = events.visitorContactId('visitor-form-only');
    const formless = events.visitorContactId('visitor-formless');
    await service.publish(service.topics.identity, [
      events.visitorStarted('visitor-silent', 'Quiet Mouse (anonym)'),
      events.visitorStarted('visitor-form-only', 'Calm Heron (anonym)'),
      events.visitorStarted('visitor-formless', 'Swift Fox (anonym)'),
    ]);
    await whenContact(formOnly, () => true, 'the form-only visitor');
    expect(
      (
        await sendJson('POST', `${service.url}/internal/contacts/pre-chat`, {
          applicationId,
          contactId: formOnly,
          name: 'Fran',
          email: 'fran@example.com',
        })
      ).status,
    ).toBe(204);
    await service.publish(service.topics.conversation, [events.messageSent(formless, 'user', 1)]);
    await whenContact(formless, (b) => b.lastSeenAt !== null, 'the formless message');
    await whenContact(formOnly, (b) => b.name === 'Fran', 'the form');
    await whenContact(silent, () => true, 'the silent visitor');

    const authenticated = await listed(true);
    for (const visitor of [silent, formOnly, formless]) {
      expect(authenticated).not.toContain(visitor);
      expect((await contact(visitor)).body.authenticated).toBe(false);
    }
  });

  it('refuses bad input with a 400 naming the field, and unknown contacts with a 404', async () => {
    const bad = await sendJson('POST', `${service.url}/internal/contacts/pre-chat`, {
      applicationId,
      contactId: events.visitorContactId('v-x'),
      name: 'X',
      email: 'not-an-email',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('email');
    const user = await sendJson('POST', `${service.url}/internal/contacts/pre-chat`, {
      applicationId,
      contactId: events.userContactId('user-a'),
      name: 'X',
      email: 'x@example.com',
    });
    expect(user.status).toBe(400);
    expect(user.body).toMatchObject({ error: 'NOT_A_VISITOR', field: 'contactId' });
    const unknown = await contact(events.userContactId('nobody'));
    expect(unknown.status).toBe(404);
    expect((await contact('not-a-contact-id')).body.field).toBe('contactId');
    const otherApp = await getJson(
      `${service.url}/internal/contacts/other-app/${events.userContactId('user-a')}`,
    );
    expect(otherApp.status).toBe(404);
  });
});
