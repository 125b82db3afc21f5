import { uniqueName } from '@threadline/testing';
import {
  eventsOf,
  eventually,
  getJson,
  sendJson,
  startContactService,
  type ContactServiceUnderTest,
} from './contact-service.harness';

describe('contact API: profile, custom attributes, search and paging (S11, S14), real broker and store', () => {
  let service: ContactServiceUnderTest;
  const applicationId = uniqueName('app');
  const events = eventsOf(applicationId);
  const people = [
    {
      userId: 'u-1',
      name: 'Ann Archer',
      email: 'ann@alpha.example',
      company: 'Alpha Ltd',
      minute: 1,
    },
    { userId: 'u-2', name: 'Bob Baker', email: 'bob@beta.example', company: 'Beta Inc', minute: 7 },
    {
      userId: 'u-3',
      name: 'Cat Cooper',
      email: 'cat@alpha.example',
      company: 'A.B Corp',
      minute: 3,
    },
    { userId: 'u-4', name: 'Dan Dyer', email: 'dan@delta.example', company: 'AxB Corp', minute: 9 },
    { userId: 'x-5', name: 'Eve Evans', email: 'eve@echo.example', company: 'Echo', minute: 5 },
    { userId: 'x-6', name: 'Fay Fisher', email: 'fay@fox.example', company: 'Fox', minute: 2 },
    { userId: 'x-7', name: 'Gus Green', email: 'gus@golf.example', company: 'Golf', minute: 8 },
  ];
  const at = (minute: number) => `2026-11-23T10:${String(minute).padStart(2, '0')}:00.000Z`;
  const base = () => `${service.url}/internal/contacts/${applicationId}`;
  const view = (contactId: string) => getJson(`${base()}/${contactId}`);
  const page = (query: string) => getJson(`${base()}?${query}`);

  beforeAll(async () => {
    service = await startContactService();
    await service.publish(
      service.topics.identity,
      people.map((p) =>
        events.userAuthenticated(p.userId, {
          profile: { name: p.name, email: p.email, company: p.company },
          at: at(p.minute),
        }),
      ),
    );
    await service.publish(service.topics.identity, [
      events.visitorStarted('visitor-1', 'Hazy Heron (anonym)', at(4)),
    ]);
    await eventually(async () => {
      const all = await page('limit=100');
      return all.body.contacts.length === people.length + 1 &&
        all.body.contacts.every(
          (c: { lastSeenAt: string | null; userId: string | null }) =>
            c.lastSeenAt !== null || c.userId === null,
        )
        ? true
        : undefined;
    }, 'every contact projected');
  });

  afterAll(async () => {
    await service?.stop();
    await service?.dispose();
  });

  describe('S14: list, search, filter, page', () => {
    it('lists by last seen, newest first, and pages without gaps or repeats', async () => {
      const expected = [...people].sort((a, b) => b.minute - a.minute).map((p) => p.userId);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const answer = await page(`authenticated=true&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(answer.status).toBe(200);
        seen.push(...answer.body.contacts.map((c: { userId: string }) => c.userId));
        cursor = answer.body.nextCursor;
        pages++;
      } while (cursor);
      expect(seen).toEqual(expected);
      expect(pages).toBe(3);
    });

    it('searches name, email, company and user_id, case-insensitively, with the text taken literally', async () => {
      const search = async (q: string) =>
        (await page(`q=${encodeURIComponent(q)}`)).body.contacts
          .map((c: { userId: string }) => c.userId)
          .sort();
      expect(await search('ann ARCHER')).toEqual(['u-1']);
      expect(await search('@ALPHA.example')).toEqual(['u-1', 'u-3']);
      expect(await search('beta inc')).toEqual(['u-2']);
      expect(await search('x-')).toEqual(['x-5', 'x-6', 'x-7']);
      expect(await search('A.B')).toEqual(['u-3']);
      expect(await search('(anonym)')).toEqual([null]);
      expect(await search('.*')).toEqual([]);
      expect(await search('hazy heron')).toEqual([null]);
    });

    it('filters authenticated contacts from anonymous visitors', async () => {
      const anonymous = await page('authenticated=false');
      expect(anonymous.body.contacts.map((c: { name: string }) => c.name)).toEqual([
        'Hazy Heron (anonym)',
      ]);
      expect((await page('authenticated=true&limit=100')).body.contacts).toHaveLength(
        people.length,
      );
    });

    it('refuses a bad cursor, limit or filter with a 400 naming it', async () => {
      expect((await page('cursor=nope')).body).toMatchObject({ statusCode: 400, field: 'cursor' });
      expect((await page('limit=1000')).body).toMatchObject({ statusCode: 400, field: 'limit' });
      expect((await page('authenticated=maybe')).body).toMatchObject({ field: 'authenticated' });
      expect((await page('sort=name')).status).toBe(400);
    });
  });

  describe('S11: profile', () => {
    it('updates the fields sent and keeps the others', async () => {
      const contactId = events.userContactId('u-1');
      const answer = await sendJson('PATCH', `${base()}/${contactId}/profile`, {
        name: 'Ann Smith',
        phone: '+44 20 1234',
      });
      expect(answer.status).toBe(204);
      const updated = await eventually(async () => {
        const body = (await view(contactId)).body;
        return body.name === 'Ann Smith' ? body : undefined;
      }, 'the profile update');
      expect(updated).toMatchObject({
        email: 'ann@alpha.example',
        phone: '+44 20 1234',
        company: 'Alpha Ltd',
      });
    });

    it('refuses a bad field with a 400 naming it, and an unknown contact with a 404', async () => {
      const contactId = events.userContactId('u-2');
      const bad = await sendJson('PATCH', `${base()}/${contactId}/profile`, { email: 'nope' });
      expect(bad.body).toMatchObject({ statusCode: 400, field: 'email' });
      const extra = await sendJson('PATCH', `${base()}/${contactId}/profile`, { age: 3 });
      expect(extra.status).toBe(400);
      const nul = await sendJson('PATCH', `${base()}/${contactId}/profile`, { name: 'a\u0000b' });
      expect(nul.body).toMatchObject({ statusCode: 400, field: 'name' });
      const unknown = await sendJson(
        'PATCH',
        `${base()}/${events.userContactId('nobody')}/profile`,
        { name: 'X' },
      );
      expect(unknown.body).toMatchObject({ statusCode: 404, error: 'CONTACT_NOT_FOUND' });
    });
  });

  describe('S11: custom attributes', () => {
    const attributes = (contactId: string, body: unknown) =>
      sendJson('PATCH', `${base()}/${contactId}/attributes`, body);

    it('sets typed values (string, number, boolean, date), removes with null', async () => {
      const contactId = events.userContactId('u-2');
      expect(
        (
          await attributes(contactId, {
            attributes: {
              plan: 'pro',
              seats: 12,
              trial: false,
              renewsOn: { date: '2027-01-01T00:00:00Z' },
              gone: 'x',
            },
          })
        ).status,
      ).toBe(204);
      expect((await attributes(contactId, { attributes: { gone: null, seats: 13 } })).status).toBe(
        204,
      );
      const result = await eventually(async () => {
        const body = (await view(contactId)).body;
        return body.customAttributes.seats === 13 ? body.customAttributes : undefined;
      }, 'the attributes');
      expect(result).toEqual({
        plan: 'pro',
        seats: 13,
        trial: false,
        renewsOn: { date: '2027-01-01T00:00:00Z' },
      });
    });

    it('refuses values and keys beyond the limits with a 400 naming them', async () => {
      const contactId = events.userContactId('u-3');
      const long = await attributes(contactId, { attributes: { note: 'x'.repeat(1025) } });
      expect(long.body).toMatchObject({ statusCode: 400, field: 'attributes.note' });
      const badKey = await attributes(contactId, { attributes: { 'a.b': 1 } });
      expect(badKey.status).toBe(400);
      expect(badKey.body.field).toMatch(/^attributes/);
      const nan = await attributes(contactId, { attributes: { list: [1, 2] } });
      expect(nan.body).toMatchObject({ statusCode: 400, field: 'attributes.list' });
      const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i]));
      expect((await attributes(contactId, { attributes: many })).body).toMatchObject({
        statusCode: 400,
        field: 'attributes',
      });
    });

    it('refuses going past 100 attributes on a contact, counting those it has', async () => {
      const contactId = events.userContactId('u-4');
      const first = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`a${i}`, i]));
      const second = Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`b${i}`, i]));
      expect((await attributes(contactId, { attributes: first })).status).toBe(204);
      const over = await attributes(contactId, { attributes: second });
      expect(over.body).toMatchObject({
        statusCode: 400,
        error: 'TOO_MANY_CUSTOM_ATTRIBUTES',
        field: 'attributes',
      });
      delete second.b40;
      expect((await attributes(contactId, { attributes: second })).status).toBe(204);
    });
  });
});
