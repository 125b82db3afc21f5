import { contactIdOf } from '@threadline/contracts';
import { call, Services, SHOP_ORIGIN, waitFor, type Tenant } from './support/stack';

describe('contacts through the gateway: profile, custom data, CSV import (real services)', () => {
  const services = new Services();
  let gateway: Awaited<ReturnType<Services['gateway']>>;
  let acme: Tenant;
  let agentToken: string;
  const api = (path: string) => `${gateway.url}${path}`;

  const init = (body: object) =>
    call(api('/api/widget/init'), {
      body: {
        organizationDomain: acme.domain,
        applicationId: acme.applicationId,
        applicationSecret: acme.applicationSecret,
        ...body,
      },
      headers: { origin: SHOP_ORIGIN },
    });
  const contact = (contactId: string) =>
    call(api(`/api/agent/applications/${acme.applicationId}/contacts/${contactId}`), {
      token: agentToken,
    });

  beforeAll(async () => {
    await services.start();
    acme = await services.tenant('contacts');
    gateway = await services.gateway();
    agentToken = (
      await call(api('/api/agent/sign-in'), {
        body: {
          organizationDomain: acme.domain,
          email: acme.agent.email,
          password: acme.agent.password,
        },
      })
    ).body.agentToken;
  }, 300_000);

  afterAll(async () => {
    await gateway?.close();
    await services.stop();
  });

  it("S11: a user's init custom_data, updateUser and updateUserData reach the contact the agent sees", async () => {
    const userId = `user-${Date.now()}`;
    const contactId = contactIdOf(acme.applicationId, { kind: 'user', userId });
    expect((await init({ user: { user_id: userId, name: 'Uma' } })).status).toBe(200);
    // A fresh contact instance first replays identity.events: on a busy machine, minutes.
    await waitFor(
      async () => ((await contact(contactId)).status === 200 ? true : undefined),
      'the user contact',
      540_000,
    );
    // Every init may carry custom_data; this one reaches a contact that exists.
    const session = await init({
      user: { user_id: userId, name: 'Uma', custom_data: { plan: 'pro', seats: 3 } },
    });
    expect(session.status).toBe(200);
    const token = session.body.sessionToken as string;
    expect(
      (
        await call(api('/api/widget/user'), {
          token,
          method: 'PATCH',
          body: { company: 'Uma Inc' },
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await call(api('/api/widget/user-data'), {
          token,
          method: 'PATCH',
          body: { trial: false, seats: null },
        })
      ).status,
    ).toBe(204);
    const seen = await waitFor(
      async () => {
        const answer = await contact(contactId);
        const attrs = answer.body?.customAttributes ?? {};
        return answer.status === 200 &&
          answer.body.company === 'Uma Inc' &&
          attrs.trial === false &&
          !('seats' in attrs)
          ? answer.body
          : undefined;
      },
      'the contact with profile and attributes',
      180_000,
    );
    expect(seen).toMatchObject({
      name: 'Uma',
      company: 'Uma Inc',
      customAttributes: { plan: 'pro', trial: false },
    });

    const listed = await waitFor(async () => {
      const page = await call(
        api(`/api/agent/applications/${acme.applicationId}/contacts?q=Uma&authenticated=true`),
        {
          token: agentToken,
        },
      );
      return page.body?.contacts?.some((c: { contactId: string }) => c.contactId === contactId)
        ? page
        : undefined;
    }, 'the contact in the list');
    expect(listed.status).toBe(200);
    expect(
      (
        await call(
          api(`/api/agent/applications/${acme.applicationId}/contacts/${contactId}/attributes`),
          {
            token: agentToken,
            method: 'PATCH',
            body: { attributes: { vip: true } },
          },
        )
      ).status,
    ).toBe(204);
  }, 600_000);

  it("S11: a new user's first init carries custom_data to the contact created from it, then updateUserData wins over it", async () => {
    const userId = `first-${Date.now()}`;
    const contactId = contactIdOf(acme.applicationId, { kind: 'user', userId });
    // No contact exists yet: the attributes travel with identity's UserAuthenticated.
    const session = await init({
      user: {
        user_id: userId,
        name: 'Fay',
        custom_data: { plan: 'gold', seats: 5, renews: { date: '2027-03-01T00:00:00Z' } },
      },
    });
    expect(session.status).toBe(200);
    // Right after the init: the contact may not exist yet (404), or it does and the later set wins.
    const later = await call(api('/api/widget/user-data'), {
      token: session.body.sessionToken as string,
      method: 'PATCH',
      body: { seats: 6 },
    });
    expect([204, 404]).toContain(later.status);
    const seats = later.status === 204 ? 6 : 5;
    const seen = await waitFor(
      async () => {
        const answer = await contact(contactId);
        const attributes = answer.body?.customAttributes ?? {};
        return answer.status === 200 && attributes.plan === 'gold' && attributes.seats === seats
          ? answer.body
          : undefined;
      },
      'the contact with the init custom_data',
      180_000,
    );
    expect(seen.customAttributes).toMatchObject({
      plan: 'gold',
      renews: { date: '2027-03-01T00:00:00Z' },
    });
  }, 300_000);

  it('S10: a CSV streams through the gateway to an import whose status can be polled', async () => {
    const csv = `user_id,email,name,plan\ncsv-1-${Date.now()},one@shop.example,One,gold\n,not-an-email,Two,silver\n`;
    const started = await fetch(api(`/api/agent/applications/${acme.applicationId}/imports`), {
      method: 'POST',
      headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(started.status).toBe(202);
    const status = (await started.json()) as { importId: string };
    const polled = await call(
      api(`/api/agent/applications/${acme.applicationId}/imports/${status.importId}`),
      {
        token: agentToken,
      },
    );
    expect(polled).toMatchObject({
      status: 200,
      body: { importId: status.importId, rowsRead: 2, rowsImported: 1, errors: [{ line: 3 }] },
    });
  });
});
