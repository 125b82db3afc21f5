/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the matchers */
import { decodeEvent, eventsTopic, type KnownEvent } from '@threadline/contracts';
import { createKafka } from '@threadline/kafka-client';
import {
  endpointsFromEnv,
  serviceTestEnv,
  startNestApp,
  uniqueName,
  type RunningApp,
} from '@threadline/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { randomUUID } from 'node:crypto';
import {
  SESSION_ISSUER,
  type SessionIssuer,
} from '../src/application/sessions/session-issuer.port';
import { IdentityModule } from '../src/identity.module';
import { loadIdentityConfig } from '../src/infrastructure/config/identity.config';

describe('device sessions over the internal API (real Kafka and store)', () => {
  let running: RunningApp;
  let issuer: SessionIssuer;

  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${running.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      text,
      body: (text ? JSON.parse(text) : undefined) as Record<string, any> | undefined,
    };
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
    issuer = running.app.get<SessionIssuer>(SESSION_ISSUER);
  });

  afterAll(() => running?.close());

  it('issues, verifies, refuses a tampered token, ends once, then refuses the ended session', async () => {
    const sessionId = randomUUID();
    const issued = await issuer.issue({
      applicationId: 'app-sessions-it',
      subject: { kind: 'user', id: 'user-42' },
      sessionId,
      deviceId: 'device-1',
    });
    const expected = {
      sessionId,
      applicationId: 'app-sessions-it',
      subject: { kind: 'user', id: 'user-42' },
      deviceId: 'device-1',
      expiresAt: issued.expiresAt.toISOString(),
    };
    expect(issued.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 24 * 3600 * 1000);
    expect(await post('/internal/sessions/verify', { token: issued.token })).toMatchObject({
      status: 200,
      body: expected,
    });

    const [version, payload, signature] = issued.token.split('.') as [string, string, string];
    const forgedPayload = Buffer.from(
      Buffer.from(payload, 'base64url').toString('utf8').replace('user-42', 'user-43'),
    ).toString('base64url');
    const tampered = await post('/internal/sessions/verify', {
      token: `${version}.${forgedPayload}.${signature}`,
    });
    expect(tampered).toMatchObject({
      status: 401,
      body: { error: 'SESSION_REJECTED', reason: 'bad-signature' },
    });
    expect(tampered.text).not.toContain(forgedPayload);
    expect(await post('/internal/sessions/verify', { token: 'not-a-token' })).toMatchObject({
      status: 401,
      body: { reason: 'malformed' },
    });
    expect(await post('/internal/sessions/end', { token: 'not-a-token' })).toMatchObject({
      status: 401,
    });

    expect((await post('/internal/sessions/end', { token: issued.token })).status).toBe(204);
    expect((await post('/internal/sessions/end', { token: issued.token })).status).toBe(204);
    const ended = await post('/internal/sessions/verify', { token: issued.token });
    expect(ended).toMatchObject({ status: 401, body: { reason: 'ended' } });
    expect(ended.text).not.toContain(issued.token);

    // Correctness rests on the projection, not on this process's memory: poll the read model.
    const sessions = running.app.get<Connection>(getConnectionToken()).db?.collection('sessions');
    const deadline = Date.now() + 60_000;
    let doc: Record<string, any> | null = null;
    while (!doc?.endedAt && Date.now() < deadline) {
      doc = (await sessions?.findOne({ _id: sessionId as never })) ?? null;
      if (!doc?.endedAt) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(doc).toMatchObject({
      _id: sessionId,
      streamId: `session-${sessionId}`,
      streamVersion: 1,
      applicationId: 'app-sessions-it',
      endReason: 'logout',
    });

    const published = await sessionEndedOnTopic(sessionId);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({
      type: 'identity.session-ended',
      version: 1,
      tenantId: 'app-sessions-it',
      streamId: `session-${sessionId}`,
      streamVersion: 1,
      payload: { sessionId, reason: 'logout' },
    });
  }, 120_000);

  it('a widget init issues a token that verifies as that user, on a session the projection started', async () => {
    const domain = `sessions-${uniqueName('it').toLowerCase()}.example`.replace(/_/g, '-');
    expect((await post('/internal/organizations', { domain, name: 'Sessions' })).status).toBe(201);
    const app = await post('/internal/applications', {
      domain,
      name: 'Sessions site',
      allowedOrigins: ['https://sessions.example'],
    });
    expect(app.status).toBe(201);
    const { applicationId, applicationSecret } = app.body as Record<string, string>;
    const init = () =>
      post('/internal/widget/auth', {
        organizationDomain: domain,
        applicationId,
        applicationSecret,
        user: { user_id: 'user-7', name: 'Ada' },
      });
    // Widget auth reads the application from its projection: retry until it is there.
    let auth = await init();
    for (let deadline = Date.now() + 60_000; auth.status === 401 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      auth = await init();
    }
    expect(auth.status).toBe(200);
    const { sessionToken, sessionId } = auth.body as Record<string, string>;

    expect(await post('/internal/sessions/verify', { token: sessionToken })).toMatchObject({
      status: 200,
      body: { sessionId, applicationId, subject: { kind: 'user', id: 'user-7' } },
    });
    const sessions = running.app.get<Connection>(getConnectionToken()).db?.collection('sessions');
    let doc: Record<string, any> | null = null;
    for (let deadline = Date.now() + 60_000; !doc?.startedAt && Date.now() < deadline;) {
      doc = (await sessions?.findOne({ _id: sessionId as never })) ?? null;
      if (!doc?.startedAt) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(doc).toMatchObject({ applicationId, subject: { kind: 'user', id: 'user-7' } });
    expect(doc?.endedAt).toBeUndefined();
  }, 120_000);
});

/** Reads identity.events from the start with a fresh group until this session's end shows up. */
async function sessionEndedOnTopic(sessionId: string): Promise<KnownEvent[]> {
  const kafka = createKafka({
    clientId: uniqueName('sessions-it'),
    brokers: endpointsFromEnv().kafkaBrokers.split(','),
    logLevel: 'error',
  });
  const consumer = kafka.consumer({ groupId: uniqueName('sessions-it'), maxWaitTimeMs: 100 });
  const found: KnownEvent[] = [];
  try {
    await consumer.subscribe([eventsTopic('identity')], { fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no SessionEnded on the topic')), 60_000);
      void consumer.run({
        eachRecord: async (record) => {
          if (record.key !== `session-${sessionId}`) return;
          const decoded = decodeEvent(JSON.parse(String(record.value)));
          if (decoded.ok) found.push(decoded.event);
          clearTimeout(timer);
          // Give a duplicate, if the relay wrote one, a moment to arrive.
          setTimeout(resolve, 1_000);
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return found;
}
