/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the matchers */
import { serviceTestEnv, startNestApp, type RunningApp } from '@threadline/testing';
import { randomInt } from 'node:crypto';
import { IdentityModule } from '../src/identity.module';
import { loadIdentityConfig } from '../src/infrastructure/config/identity.config';

describe('agent sign-in over the internal API (real Kafka and store)', () => {
  let running: RunningApp;
  const domain = `agents-${Date.now().toString(36)}-${randomInt(1e6)}.example`;
  const otherDomain = `other-${domain}`;
  const password = 'correct horse battery staple';

  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${running.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  beforeAll(async () => {
    running = await startNestApp(
      IdentityModule.forRoot(
        loadIdentityConfig({
          ...serviceTestEnv('identity'),
          IDENTITY_MASTER_KEY: 'cd'.repeat(32),
          IDENTITY_SESSION_KEY: `it-1:${'s'.repeat(40)}`,
        }),
      ),
    );
    for (const d of [domain, otherDomain]) {
      expect((await post('/internal/organizations', { domain: d, name: d })).status).toBe(201);
      expect(
        (
          await post('/internal/agents', {
            domain: d,
            email: 'ann@x.example',
            name: 'Ann',
            password,
          })
        ).status,
      ).toBe(201);
    }
  });

  afterAll(() => running?.close());

  it('signs an agent in to its organization, with a token that verifies as that agent', async () => {
    const app = await post('/internal/applications', {
      domain,
      name: 'Site',
      allowedOrigins: ['https://x.example'],
    });
    expect(app.status).toBe(201);

    // The applications list comes from a projection: it catches up within moments.
    let signedIn = await post('/internal/agents/sign-in', {
      organizationDomain: domain.toUpperCase(),
      email: 'Ann@X.example',
      password,
    });
    for (let i = 0; i < 50 && signedIn.body.applications?.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      signedIn = await post('/internal/agents/sign-in', {
        organizationDomain: domain,
        email: 'ann@x.example',
        password,
      });
    }
    expect(signedIn).toMatchObject({
      status: 200,
      body: {
        agentToken: expect.stringMatching(/^a1\./),
        agent: { name: 'Ann', email: 'ann@x.example', organizationDomain: domain },
        applications: [{ applicationId: app.body.applicationId, name: 'Site' }],
      },
    });

    const verified = await post('/internal/agents/verify', { token: signedIn.body.agentToken });
    expect(verified).toEqual({
      status: 200,
      body: {
        agentId: signedIn.body.agent.agentId,
        organizationDomain: domain,
        email: 'ann@x.example',
        name: 'Ann',
        expiresAt: signedIn.body.expiresAt,
      },
    });
    // The agent token is not a device session token.
    expect(
      (await post('/internal/sessions/verify', { token: signedIn.body.agentToken })).status,
    ).toBe(401);
  });

  it('answers one 401 for a wrong password, an unknown email and another organization', async () => {
    const attempts = [
      { organizationDomain: domain, email: 'ann@x.example', password: 'wrong password' },
      { organizationDomain: domain, email: 'bob@x.example', password },
      { organizationDomain: `nowhere-${domain}`, email: 'ann@x.example', password },
    ];
    const answers = await Promise.all(attempts.map((a) => post('/internal/agents/sign-in', a)));
    for (const answer of answers) {
      expect(answer).toEqual({
        status: 401,
        body: {
          statusCode: 401,
          error: 'AGENT_SIGN_IN_REJECTED',
          message: 'unknown organization, email or password',
        },
      });
    }
  });

  it('names the field of a bad body, and refuses a tampered or foreign token', async () => {
    const bad = await post('/internal/agents/sign-in', { organizationDomain: domain, email: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'VALIDATION_FAILED', field: 'email' });

    const signedIn = await post('/internal/agents/sign-in', {
      organizationDomain: otherDomain,
      email: 'ann@x.example',
      password,
    });
    const [kind, payload, sig] = signedIn.body.agentToken.split('.');
    const forged = Buffer.from(
      Buffer.from(payload, 'base64url').toString('utf8').replace(otherDomain, domain),
    ).toString('base64url');
    expect(
      await post('/internal/agents/verify', { token: `${kind}.${forged}.${sig}` }),
    ).toMatchObject({
      status: 401,
      body: { error: 'AGENT_TOKEN_REJECTED', reason: 'bad-signature' },
    });
    expect(await post('/internal/agents/verify', { token: 'v1.abc.def' })).toMatchObject({
      status: 401,
      body: { reason: 'malformed' },
    });
  });
});
