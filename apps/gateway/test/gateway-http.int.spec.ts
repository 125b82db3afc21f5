import { contactIdOf } from '@threadline/contracts';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, Services, SHOP_ORIGIN, waitFor, type Tenant } from './support/stack';

/** A widget and demo template of our own, so the static routes are tested whatever is built. */
function assetDirs() {
  const root = mkdtempSync(join(tmpdir(), 'gateway-assets-'));
  mkdirSync(join(root, 'widget', 'dist'), { recursive: true });
  mkdirSync(join(root, 'widget', 'demo'), { recursive: true });
  mkdirSync(join(root, 'dashboard', 'assets'), { recursive: true });
  writeFileSync(
    join(root, 'widget', 'dist', 'widget.js'),
    `window.HelpCrunch = function () {};\n${'// padding\n'.repeat(200)}`,
  );
  writeFileSync(
    join(root, 'widget', 'demo', 'index.html'),
    "<script src=\"{{gatewayUrl}}/widget.js\"></script><script>HelpCrunch('init', '{{organizationDomain}}', { applicationId: {{applicationId}}, applicationSecret: '{{applicationSecret}}' })</script>",
  );
  writeFileSync(join(root, 'dashboard', 'index.html'), '<!doctype html><div id="app"></div>');
  writeFileSync(join(root, 'dashboard', 'assets', 'index-AbCdEf12.js'), 'console.log(1)');
  return root;
}

describe('gateway HTTP API (identity, contact, conversation and the gateway, real Kafka and store)', () => {
  const services = new Services();
  let gateway: Awaited<ReturnType<Services['gateway']>>;
  let acme: Tenant;
  let other: Tenant;
  let assets: string;
  const api = (path: string) => `${gateway.url}${path}`;

  beforeAll(async () => {
    await services.start();
    [acme, other] = await Promise.all([services.tenant('acme'), services.tenant('other')]);
    await services.conversationCaughtUp(acme.applicationId);
    assets = assetDirs();
    const demoFile = join(assets, 'demo-credentials.json');
    writeFileSync(
      demoFile,
      JSON.stringify({
        domain: acme.domain,
        applicationId: acme.applicationId,
        applicationSecret: acme.applicationSecret,
      }),
    );
    gateway = await services.gateway({
      GATEWAY_WIDGET_DIR: join(assets, 'widget'),
      GATEWAY_DASHBOARD_DIR: join(assets, 'dashboard'),
      DEMO_CREDENTIALS_FILE: demoFile,
      GATEWAY_JSON_LIMIT_BYTES: '4096',
      GATEWAY_IMPORT_LIMIT_BYTES: '2048',
    });
  }, 300_000);

  afterAll(async () => {
    await gateway?.close();
    await services.stop();
  });

  const init = (tenant: Tenant, user?: object, headers: Record<string, string> = {}) =>
    call(api('/api/widget/init'), {
      body: {
        organizationDomain: tenant.domain,
        applicationId: Number(tenant.applicationId),
        applicationSecret: tenant.applicationSecret,
        ...(user && { user }),
      },
      headers: { origin: SHOP_ORIGIN, ...headers },
    });
  const signIn = (tenant: Tenant) =>
    call(api('/api/agent/sign-in'), {
      body: {
        organizationDomain: tenant.domain,
        email: tenant.agent.email,
        password: tenant.agent.password,
      },
    });

  it('widget init → send → page; an agent signs in and replies; the widget sees both (S2, S13, S14)', async () => {
    const session = await init(acme, {
      user_id: 'user-42',
      name: 'Ann',
      email: 'ann@shop.example',
    });
    expect(session.status).toBe(200);
    expect(session.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    const contactId = contactIdOf(acme.applicationId, { kind: 'user', userId: 'user-42' });
    expect(session.body).toMatchObject({
      mode: 'user',
      applicationId: acme.applicationId,
      contactId,
      displayName: 'Ann',
      profile: { name: 'Ann', email: 'ann@shop.example' },
      sessionToken: expect.stringMatching(/^v1\./),
    });
    const token = session.body.sessionToken as string;

    const sent = await call(api('/api/widget/messages'), {
      token,
      body: { clientMessageId: 'client-000001', text: 'Hello from the widget' },
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      duplicate: false,
      message: { text: 'Hello from the widget', author: { kind: 'user', contactId } },
    });
    const retried = await call(api('/api/widget/messages'), {
      token,
      body: { clientMessageId: 'client-000001', text: 'Hello from the widget' },
    });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ duplicate: true, message: sent.body.message });

    const agent = await signIn(acme);
    expect(agent).toMatchObject({
      status: 200,
      body: {
        agentToken: expect.stringMatching(/^a1\./),
        agent: { email: acme.agent.email, organizationDomain: acme.domain },
        applications: [{ applicationId: acme.applicationId }],
      },
    });
    const reply = await call(
      api(`/api/agent/applications/${acme.applicationId}/contacts/${contactId}/messages`),
      { token: agent.body.agentToken, body: { clientMessageId: 'agent-000001', text: 'Hi Ann' } },
    );
    expect(reply.status).toBe(201);
    expect(reply.body.message.author).toEqual({ kind: 'agent', agentId: agent.body.agent.agentId });

    const page = await waitFor(async () => {
      const answer = await call(api('/api/widget/messages?limit=10'), { token });
      return answer.status === 200 && answer.body.messages.length === 2 ? answer : undefined;
    }, 'both messages in the thread');
    expect(page.body.messages).toEqual([sent.body.message, reply.body.message]);
    const agentPage = await call(
      api(`/api/agent/applications/${acme.applicationId}/contacts/${contactId}/messages?limit=10`),
      { token: agent.body.agentToken },
    );
    expect(agentPage.body.messages).toEqual(page.body.messages);

    expect(
      (await call(api('/api/widget/read'), { token, body: { upTo: reply.body.message.cursor } }))
        .status,
    ).toBe(204);
  });

  it('CORS: a listed origin is allowed, another is refused with no data and no allow header; preflights answer', async () => {
    const preflight = await fetch(api('/api/widget/messages'), {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);

    const refused = await init(acme, { user_id: 'user-cors' }, { origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'ORIGIN_NOT_ALLOWED', field: 'origin' });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    const allowed = await init(acme, { user_id: 'user-cors' });
    expect(allowed.status).toBe(200);
    const fromEvil = await call(api('/api/widget/messages'), {
      token: allowed.body.sessionToken,
      headers: { origin: 'https://evil.example' },
    });
    expect(fromEvil.status).toBe(403);
    expect(fromEvil.headers.get('access-control-allow-origin')).toBeNull();
    // The gateway's own pages (/demo) are same-origin.
    const own = await call(api('/api/widget/messages'), {
      token: allowed.body.sessionToken,
      headers: { origin: gateway.url },
    });
    expect(own.status).toBe(200);
  });

  it('400 names the field, for bodies, queries, params and custom data', async () => {
    const noSecret = await call(api('/api/widget/init'), {
      body: { organizationDomain: acme.domain, applicationId: acme.applicationId },
    });
    expect(noSecret).toMatchObject({
      status: 400,
      body: {
        error: 'VALIDATION_FAILED',
        field: 'applicationSecret',
        message: 'applicationSecret: is required',
      },
    });
    const badData = await init(acme, { user_id: 'user-data', custom_data: { 'bad key!': 1 } });
    expect(badData).toMatchObject({ status: 400, body: { field: 'user.custom_data.bad key!' } });

    const token = (await init(acme, { user_id: 'user-400' })).body.sessionToken;
    const emptyText = await call(api('/api/widget/messages'), {
      token,
      body: { clientMessageId: 'client-000400', text: '   ' },
    });
    expect(emptyText).toMatchObject({ status: 400, body: { field: 'text' } });
    const badQuery = await call(api('/api/widget/messages?limit=1000'), { token });
    expect(badQuery).toMatchObject({ status: 400, body: { field: 'limit' } });
    const badSignIn = await call(api('/api/agent/sign-in'), {
      body: { organizationDomain: acme.domain, email: 'not-an-email', password: 'x' },
    });
    expect(badSignIn).toMatchObject({ status: 400, body: { field: 'email' } });
    const agentToken = (await signIn(acme)).body.agentToken;
    const badContact = await call(
      api(`/api/agent/applications/${acme.applicationId}/contacts/nope/messages`),
      { token: agentToken },
    );
    expect(badContact).toMatchObject({ status: 400, body: { field: 'contactId' } });
    const malformed = await fetch(api('/api/agent/sign-in'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"organizationDomain":',
    });
    expect(malformed.status).toBe(400);
    const tooLarge = await call(api('/api/widget/messages'), {
      token,
      body: { clientMessageId: 'client-000401', text: 'x'.repeat(5_000) },
    });
    expect(tooLarge).toMatchObject({ status: 413, body: { error: 'PAYLOAD_TOO_LARGE' } });
  });

  it('401 without a token, with a tampered one, with the wrong kind, and after logout (S8)', async () => {
    expect((await call(api('/api/widget/messages'))).body).toMatchObject({
      statusCode: 401,
      field: 'authorization',
    });
    const token = (await init(acme, { user_id: 'user-401' })).body.sessionToken as string;
    const [kind, payload, sig] = token.split('.') as [string, string, string];
    const forged = Buffer.from(
      Buffer.from(payload, 'base64url').toString('utf8').replace('user-401', 'user-42'),
    ).toString('base64url');
    expect(
      (await call(api('/api/widget/messages'), { token: `${kind}.${forged}.${sig}` })).status,
    ).toBe(401);
    expect(
      (await call(api(`/api/agent/applications/${acme.applicationId}/contacts`), { token })).body,
    ).toMatchObject({ statusCode: 401, error: 'AGENT_TOKEN_REJECTED' });
    const agentToken = (await signIn(acme)).body.agentToken;
    expect((await call(api('/api/widget/messages'), { token: agentToken })).status).toBe(401);

    expect((await call(api('/api/widget/messages'), { token })).status).toBe(200);
    expect((await call(api('/api/widget/logout'), { token, method: 'POST' })).status).toBe(204);
    expect((await call(api('/api/widget/messages'), { token })).status).toBe(401);

    const wrongSecret = await call(api('/api/widget/init'), {
      body: {
        organizationDomain: acme.domain,
        applicationId: acme.applicationId,
        applicationSecret: 'wrong',
      },
    });
    expect(wrongSecret.status).toBe(401);
    const wrongPassword = await call(api('/api/agent/sign-in'), {
      body: {
        organizationDomain: acme.domain,
        email: acme.agent.email,
        password: 'wrong password',
      },
    });
    expect(wrongPassword).toMatchObject({ status: 401, body: { error: 'AGENT_SIGN_IN_REJECTED' } });
  });

  it('S17: an agent of another organization gets 404 for an application, and its data stays out of reach', async () => {
    const stranger = (await signIn(other)).body.agentToken;
    const contactId = contactIdOf(acme.applicationId, { kind: 'user', userId: 'user-42' });
    for (const path of [
      `/api/agent/applications/${acme.applicationId}/contacts`,
      `/api/agent/applications/${acme.applicationId}/contacts/${contactId}/messages`,
      `/api/agent/applications/${acme.applicationId}/threads`,
      `/api/agent/applications/999999999/contacts`,
    ]) {
      expect(await call(api(path), { token: stranger })).toMatchObject({
        status: 404,
        body: { error: 'APPLICATION_NOT_FOUND', field: 'app' },
      });
    }
    const reply = await call(
      api(`/api/agent/applications/${acme.applicationId}/contacts/${contactId}/messages`),
      {
        token: stranger,
        body: { clientMessageId: 'evil-000001', text: 'not yours' },
      },
    );
    expect(reply.status).toBe(404);
  });

  it('serves the OpenAPI docs, the widget script, the dashboard and /demo (gzip, cache headers)', async () => {
    const docs = await call(api('/docs/openapi.json'));
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/widget/init',
        '/api/widget/messages',
        '/api/agent/sign-in',
        '/api/agent/applications/{app}/contacts/{contactId}/messages',
        '/api/agent/applications/{app}/imports',
      ]),
    );
    expect(
      docs.body.paths['/api/widget/messages'].post.requestBody.content['application/json'].schema,
    ).toMatchObject({ required: ['clientMessageId', 'text'] });
    expect((await fetch(api('/docs'))).status).toBe(200);

    const widget = await fetch(api('/widget.js'), { headers: { 'accept-encoding': 'gzip' } });
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toMatch(/javascript/);
    expect(widget.headers.get('content-encoding')).toBe('gzip');
    expect(widget.headers.get('cache-control')).toMatch(/max-age=300/);
    expect(await widget.text()).toMatch(/^window.HelpCrunch/);

    const shell = await fetch(api('/dashboard/contacts/123'));
    expect(shell.status).toBe(200);
    expect(await shell.text()).toContain('id="app"');
    const asset = await fetch(api('/dashboard/assets/index-AbCdEf12.js'));
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(api('/dashboard/assets/missing.js'))).status).toBe(404);
    expect((await fetch(api('/dashboard/..%2f..%2fwidget%2fdemo%2findex.html'))).status).toBe(404);
    const redirect = await fetch(api('/dashboard'), { redirect: 'manual' });
    expect(redirect.status).toBe(301);

    const demo = await fetch(api('/demo'));
    expect(demo.status).toBe(200);
    expect(await demo.text()).toBe(
      `<script src="${gateway.url}/widget.js"></script><script>HelpCrunch('init', '${acme.domain}', { applicationId: ${acme.applicationId}, applicationSecret: '${acme.applicationSecret}' })</script>`,
    );
  });

  it('CSV imports: only text/csv, and never more than the limit, declared or streamed (S10)', async () => {
    const agentToken = (await signIn(acme)).body.agentToken;
    const url = api(`/api/agent/applications/${acme.applicationId}/imports`);
    const notCsv = await call(url, { token: agentToken, body: { rows: [] } });
    expect(notCsv).toMatchObject({ status: 415, body: { field: 'content-type' } });
    const declared = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'text/csv' },
      body: `user_id,email\n${'u,u@x.example\n'.repeat(300)}`,
    });
    expect(declared.status).toBe(413);
    // Chunked, without a length: counted as it streams through.
    const chunks = (async function* () {
      for (let i = 0; i < 10; i++) yield Buffer.from(`row-${i},${'x'.repeat(400)}\n`);
    })();
    const streamed = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'text/csv' },
      body: chunks as unknown as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: 'PAYLOAD_TOO_LARGE' });
    const stranger = (await signIn(other)).body.agentToken;
    expect(
      (
        await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${stranger}`, 'content-type': 'text/csv' },
          body: 'user_id\n1\n',
        })
      ).status,
    ).toBe(404);
  });

  it('rate limits per address and per token answer 429 with Retry-After', async () => {
    const limited = await services.gateway({
      GATEWAY_RATE_LIMIT_PER_TOKEN: '3',
      GATEWAY_RATE_LIMIT_PER_ADDRESS: '8',
    });
    try {
      const token = (await init(acme, { user_id: 'user-429' })).body.sessionToken;
      const other = (await init(acme, { user_id: 'user-429b' })).body.sessionToken;
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await call(`${limited.url}/api/widget/messages`, { token })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await call(`${limited.url}/api/widget/messages`, { token });
      expect(refused.body).toMatchObject({ statusCode: 429, error: 'TOO_MANY_REQUESTS' });
      expect(refused.headers.get('retry-after-token')).toMatch(/^\d+$/);
      // Another session from the same address still has its own budget, until the address's runs out.
      expect((await call(`${limited.url}/api/widget/messages`, { token: other })).status).toBe(200);
      const more = [];
      for (let i = 0; i < 3; i++) {
        more.push((await call(`${limited.url}/api/widget/messages`, { token: other })).status);
      }
      expect(more).toContain(429);
      expect((await call(`${limited.url}/health`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
