import type { KnownEvent } from '@threadline/contracts';
import { EVENT_STORE, type EventStore } from '@threadline/eventing';
import { uniqueName } from '@threadline/testing';
import {
  eventsOf,
  eventually,
  getJson,
  sendJson,
  startContactService,
  type ContactServiceUnderTest,
} from './contact-service.harness';

describe('visitor becomes user (S12) on the real broker and store', () => {
  let service: ContactServiceUnderTest;
  const applicationId = uniqueName('app');
  const events = eventsOf(applicationId);
  const user = events.userContactId('u-merge');
  const visitor = events.visitorContactId('v-merge');
  const base = () => `${service.url}/internal/contacts/${applicationId}`;
  const view = async (contactId: string) => (await getJson(`${base()}/${contactId}`)).body;
  const streamTypes = async (contactId: string) =>
    (await service.app.app.get<EventStore>(EVENT_STORE).load(`contact-${contactId}`)).map(
      (e: KnownEvent) => e.type,
    );

  beforeAll(async () => {
    service = await startContactService();
  });

  afterAll(async () => {
    await service?.stop();
    await service?.dispose();
  });

  it('merges the visitor into the user: nothing lost, nothing doubled, once, and the visitor is no longer listed', async () => {
    // The user, known from another device, with an attribute of its own.
    await service.publish(service.topics.identity, [
      events.userAuthenticated('u-merge', {
        profile: { email: 'user@example.com' },
        generatedName: 'Bold Lynx (anonym)',
        at: '2026-11-23T09:00:00.000Z',
      }),
      events.visitorStarted('v-merge', 'Shy Owl (anonym)', '2026-11-23T09:30:00.000Z'),
    ]);
    await eventually(async () => ((await view(user)).contactId ? true : undefined), 'the user');
    await eventually(
      async () => ((await view(visitor)).contactId ? true : undefined),
      'the visitor',
    );
    expect(
      (await sendJson('PATCH', `${base()}/${user}/attributes`, { attributes: { plan: 'pro' } }))
        .status,
    ).toBe(204);

    // The anonymous visitor chats on its device.
    expect(
      (
        await sendJson('POST', `${service.url}/internal/contacts/pre-chat`, {
          applicationId,
          contactId: visitor,
          name: 'Vic',
          email: 'vic@example.com',
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await sendJson('PATCH', `${base()}/${visitor}/attributes`, {
          attributes: { plan: 'free', referrer: 'ad' },
        })
      ).status,
    ).toBe(204);
    await service.publish(service.topics.conversation, [
      events.messageSent(visitor, 'user', 1, '2026-11-23T09:40:00.000Z'),
    ]);
    await eventually(
      async () => ((await view(visitor)).authenticated ? true : undefined),
      'the visitor authenticated (S9b)',
    );
    await eventually(
      async () => ((await view(user)).customAttributes.plan === 'pro' ? true : undefined),
      "the user's attribute",
    );

    // Then logs in on that device.
    const login = events.userAuthenticated('u-merge', {
      profile: { email: 'user@example.com' },
      previousVisitorId: 'v-merge',
      streamVersion: 2,
      at: '2026-11-23T10:00:00.000Z',
    });
    await service.publish(service.topics.identity, [login]);
    const merged = await eventually(async () => {
      const body = await view(user);
      return body.customAttributes.referrer ? body : undefined;
    }, 'the merge');
    expect(merged).toMatchObject({
      contactId: user,
      userId: 'u-merge',
      name: 'Vic',
      email: 'user@example.com',
      authenticated: true,
      customAttributes: { plan: 'pro', referrer: 'ad' },
      lastSeenAt: '2026-11-23T10:00:00.000Z',
    });
    await eventually(
      async () => ((await view(visitor)).contactId === user ? true : undefined),
      "the visitor's id answering with the user",
    );
    const listed = (await getJson(`${base()}?limit=100`)).body.contacts.map(
      (c: { contactId: string }) => c.contactId,
    );
    expect(listed).toEqual([user]);

    // A redelivered login and a late message of the visitor's thread add nothing twice.
    await service.publish(service.topics.identity, [login]);
    await service.publish(service.topics.conversation, [
      events.messageSent(visitor, 'user', 2, '2026-11-23T10:30:00.000Z'),
    ]);
    await eventually(
      async () => ((await view(user)).lastSeenAt === '2026-11-23T10:30:00.000Z' ? true : undefined),
      "the visitor's late message counted for the user",
    );
    expect(await streamTypes(visitor)).toEqual([
      'contact.contact-created',
      'contact.pre-chat-form-submitted',
      'contact.custom-attributes-set',
      'contact.contact-seen',
      'contact.contact-authenticated',
      'contact.contact-merged-into',
    ]);
    expect((await streamTypes(user)).filter((t) => t === 'contact.contacts-merged')).toHaveLength(
      1,
    );
    expect((await getJson(`${base()}?limit=100`)).body.contacts).toHaveLength(1);
    expect(await view(user)).toEqual({ ...merged, lastSeenAt: '2026-11-23T10:30:00.000Z' });
  });
});
