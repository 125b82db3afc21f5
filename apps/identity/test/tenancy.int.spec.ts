/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the matchers */
import { getConnectionToken } from '@nestjs/mongoose';
import {
  serviceTestEnv,
  startNestApp,
  storedEnvelopes,
  type RunningApp,
} from '@threadline/testing';
import type { Connection } from 'mongoose';
import { randomInt } from 'node:crypto';
import { IdentityModule } from '../src/identity.module';
import { loadIdentityConfig } from '../src/infrastructure/config/identity.config';
import { verifyApplicationSecret } from '../src/infrastructure/crypto/scrypt-secret-hasher';

describe('identity tenancy over the internal admin API (real Kafka and store)', () => {
  let running: RunningApp;
  let db: Connection;
  // Projections share the identity.events topic across runs: a unique domain keeps ours apart.
  const domain = `acme-${Date.now().toString(36)}-${randomInt(1e6)}.example`;

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
        loadIdentityConfig({ ...serviceTestEnv('identity'), IDENTITY_MASTER_KEY: 'cd'.repeat(32) }),
      ),
    );
    db = running.app.get<Connection>(getConnectionToken());
  });

  afterAll(() => running?.close());

  it('creates an organization, an application and an agent; refuses bad bodies and duplicates', async () => {
    const org = await post('/internal/organizations', {
      domain: domain.toUpperCase(),
      name: 'Acme',
    });
    expect(org).toEqual({ status: 201, body: { domain, name: 'Acme' } });

    const duplicate = await post('/internal/organizations', { domain, name: 'Acme again' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({
      error: 'ORGANIZATION_ALREADY_REGISTERED',
      field: 'domain',
    });

    const badDomain = await post('/internal/organizations', { domain: 'not a domain!', name: 'X' });
    expect(badDomain.status).toBe(400);
    expect(badDomain.body).toMatchObject({ error: 'VALIDATION_FAILED', field: 'domain' });
    expect(badDomain.body.message).toMatch(/^domain: /);

    const missingName = await post('/internal/organizations', { domain: 'x.example' });
    expect(missingName.body).toMatchObject({ field: 'name', message: 'name: is required' });

    const badOrigin = await post('/internal/applications', {
      domain,
      name: 'Acme site',
      allowedOrigins: ['https://acme.example', 'https://acme.example/path'],
    });
    expect(badOrigin.status).toBe(400);
    expect(badOrigin.body.field).toBe('allowedOrigins.1');

    const unknownOrg = await post('/internal/applications', {
      domain: 'unknown-org.example',
      name: 'X',
      allowedOrigins: ['https://x.example'],
    });
    expect(unknownOrg.status).toBe(404);
    expect(unknownOrg.body).toMatchObject({ error: 'ORGANIZATION_NOT_FOUND', field: 'domain' });

    const app = await post('/internal/applications', {
      domain,
      name: 'Acme site',
      allowedOrigins: ['https://acme.example/'],
      identityVerification: 'required',
    });
    expect(app.status).toBe(201);
    expect(app.body).toMatchObject({
      organizationDomain: domain,
      applicationId: expect.stringMatching(/^\d{6,9}$/),
      allowedOrigins: ['https://acme.example'],
      identityVerification: 'required',
      applicationSecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      identityKey: { keyId: expect.any(String), secret: expect.any(String) },
    });
    const { applicationId, applicationSecret } = app.body as {
      applicationId: string;
      applicationSecret: string;
    };
    const identitySecret = app.body.identityKey.secret as string;

    const fetched = await fetch(
      `${running.url}/internal/applications/${applicationId}?domain=${domain}`,
    );
    expect(fetched.status).toBe(200);
    const view = (await fetched.json()) as Record<string, unknown>;
    expect(view).not.toHaveProperty('applicationSecret');
    expect(JSON.stringify(view)).not.toContain('scrypt');
    expect(
      (await fetch(`${running.url}/internal/applications/${applicationId}?domain=other.example`))
        .status,
    ).toBe(404);
    expect((await fetch(`${running.url}/internal/applications/999`)).status).toBe(404);

    const agent = await post('/internal/agents', {
      domain,
      email: 'Ann@Acme.example',
      name: 'Ann',
    });
    expect(agent.status).toBe(201);
    expect(agent.body).toMatchObject({
      organizationDomain: domain,
      email: 'ann@acme.example',
      password: expect.any(String),
    });
    const agentPassword = agent.body.password as string;
    const sameEmail = await post('/internal/agents', {
      domain,
      email: 'ann@acme.example',
      name: 'Ann 2',
      password: 'long-enough-password',
    });
    expect(sameEmail.status).toBe(409);
    expect(sameEmail.body).toMatchObject({ error: 'AGENT_EMAIL_TAKEN', field: 'email' });
    const badEmail = await post('/internal/agents', { domain, email: 'nope', name: 'X' });
    expect(badEmail.body).toMatchObject({ statusCode: 400, field: 'email' });

    // The projection consumes identity.events: poll until the application shows up.
    const deadline = Date.now() + 60_000;
    let doc: Record<string, any> | null = null;
    while (!doc && Date.now() < deadline) {
      doc = await db
        .collection('applications')
        .findOne({ _id: applicationId as never, organizationDomain: domain });
      if (!doc) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(doc).toMatchObject({
      organizationDomain: domain,
      applicationId,
      streamVersion: 2,
      allowedOrigins: ['https://acme.example'],
      identityVerification: 'required',
      identityKeys: { [app.body.identityKey.keyId]: { retiresAt: null } },
    });
    await expect(
      verifyApplicationSecret(applicationSecret, doc?.applicationSecretHash),
    ).resolves.toBe(true);

    const list = await fetch(`${running.url}/internal/applications?domain=${domain}`);
    expect(
      ((await list.json()) as { applications: { applicationId: string }[] }).applications.map(
        (a) => a.applicationId,
      ),
    ).toEqual([applicationId]);

    // The identity secret is stored only encrypted; nothing secret is in the committed events.
    const keyDoc = await db.collection('identity_keys').findOne({ applicationId });
    expect(keyDoc?.alg).toBe('aes-256-gcm');
    expect(JSON.stringify(keyDoc)).not.toContain(identitySecret);
    const commits = await db.collection('commits').find({}).toArray();
    const wire = JSON.stringify(commits.flatMap((c) => storedEnvelopes(c)));
    expect(wire).toContain(applicationId);
    for (const secret of [applicationSecret, identitySecret, agentPassword]) {
      expect(wire).not.toContain(secret);
    }
  });
});
