/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the matchers */
import { getConnectionToken } from '@nestjs/mongoose';
import { eventsTopic } from '@threadline/contracts';
import { serviceTestEnv, startNestApp, uniqueName, type RunningApp } from '@threadline/testing';
import type { KafkaClient } from '@threadline/kafka-client';
import { KAFKA_CLIENT } from '@threadline/service-kit';
import type { Connection } from 'mongoose';
import { randomInt } from 'node:crypto';
import { deviceIdOf } from '../src/application/authentication/device-id';
import { userHashOf, userIdentityStreamId, visitorStreamId } from '../src/domain';
import { IdentityModule } from '../src/identity.module';
import { loadIdentityConfig } from '../src/infrastructure/config/identity.config';

interface TopicEvent {
  type: string;
  streamId: string;
  payload: Record<string, any>;
}

describe('POST /internal/widget/auth (real Kafka and store)', () => {
  let running: RunningApp;
  let db: Connection;
  const kafka = () => running.app.get<KafkaClient>(KAFKA_CLIENT);
  const domain = `widget-${Date.now().toString(36)}-${randomInt(1e6)}.example`;
  const run = `${Date.now().toString(36)}${randomInt(1e6)}`;
  let open: { applicationId: string; applicationSecret: string };
  let guarded: { applicationId: string; applicationSecret: string; keyId: string; secret: string };

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${running.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      text,
      body: JSON.parse(text) as Record<string, any>,
    };
  };

  const init = (
    app: { applicationId: string; applicationSecret: string },
    user?: Record<string, unknown>,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) =>
    post(
      '/internal/widget/auth',
      {
        organizationDomain: domain,
        applicationId: app.applicationId,
        applicationSecret: app.applicationSecret,
        user,
        ...extra,
      },
      headers,
    );

  /** The end offsets of the topic now: what a later read starts from. */
  async function endOffsets(): Promise<Map<number, bigint>> {
    const admin = kafka().admin();
    try {
      const offsets = await admin.fetchTopicOffsets(eventsTopic('identity'));
      return new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * Reads the topic back (a fresh group, from the beginning, since our client has no seek) and
   * keeps the events of the streams asked for at or after `from`, until `done` holds for them.
   */
  async function readBack(
    from: Map<number, bigint>,
    streams: (streamId: string) => boolean,
    done: (events: TopicEvent[]) => boolean,
    timeoutMs = 30_000,
  ): Promise<TopicEvent[]> {
    const consumer = kafka().consumer({
      groupId: uniqueName('widget-auth-reader'),
      maxWaitTimeMs: 100,
    });
    const events: TopicEvent[] = [];
    try {
      await consumer.subscribe([eventsTopic('identity')], { fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`read ${events.length} matching events before the timeout`)),
          timeoutMs,
        );
        void consumer
          .run({
            partitionsConsumedConcurrently: 8,
            eachRecord: async (record) => {
              if (BigInt(record.offset) < (from.get(record.partition) ?? 0n)) return;
              if (record.key !== null && !streams(record.key)) return;
              const event = JSON.parse(String(record.value)) as TopicEvent;
              if (!streams(event.streamId)) return;
              events.push(event);
              if (done(events)) {
                clearTimeout(timer);
                resolve();
              }
            },
          })
          .catch(reject);
      });
      return events;
    } finally {
      await consumer.disconnect();
    }
  }

  async function projected(applicationId: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (await db.collection('applications').findOne({ _id: applicationId as never })) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`application ${applicationId} was not projected`);
  }

  beforeAll(async () => {
    running = await startNestApp(
      IdentityModule.forRoot(
        loadIdentityConfig({
          ...serviceTestEnv('identity'),
          IDENTITY_MASTER_KEY: 'cd'.repeat(32),
          IDENTITY_HASH_PEPPER: 'integration-test-pepper-of-32-bytes!',
        }),
      ),
    );
    db = running.app.get<Connection>(getConnectionToken());
    expect((await post('/internal/organizations', { domain, name: 'Widget Co' })).status).toBe(201);
    const a = await post('/internal/applications', {
      domain,
      name: 'Open',
      allowedOrigins: ['https://widget.example'],
    });
    const b = await post('/internal/applications', {
      domain,
      name: 'Guarded',
      allowedOrigins: ['https://widget.example'],
      identityVerification: 'required',
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    open = a.body as typeof open;
    guarded = {
      ...(b.body as typeof open),
      keyId: b.body.identityKey.keyId,
      secret: b.body.identityKey.secret,
    };
    await Promise.all([projected(open.applicationId), projected(guarded.applicationId)]);
  }, 120_000);

  afterAll(() => running?.close());

  it('S1: wrong domain, application or secret → 401, and no event', async () => {
    const userId = `u-401-${run}`;
    const from = await endOffsets();
    const user = { user_id: userId, security_hash: 'h' };
    const wrong = [
      post('/internal/widget/auth', {
        organizationDomain: 'other.example',
        applicationId: open.applicationId,
        applicationSecret: open.applicationSecret,
        user,
      }),
      post('/internal/widget/auth', {
        organizationDomain: domain,
        applicationId: '999999999',
        applicationSecret: open.applicationSecret,
        user,
      }),
      init({ ...open, applicationSecret: `${open.applicationSecret}x` }, user),
      init({ ...guarded, applicationSecret: open.applicationSecret }, user),
    ];
    for (const response of await Promise.all(wrong)) {
      expect(response.status).toBe(401);
      expect(response.body).toEqual({
        statusCode: 401,
        error: 'IDENTITY_WIDGET_CREDENTIALS_REJECTED',
        message: expect.any(String),
      });
    }
    // A later good init of the same user_id is the marker: nothing may come before it.
    expect((await init(open, user)).status).toBe(200);
    const stream = userIdentityStreamId(open.applicationId, userId);
    const events = await readBack(
      from,
      (id) => id === stream,
      (e) => e.some((x) => x.type === 'identity.hash-bound'),
    );
    expect(events.map((e) => e.type)).toEqual([
      'identity.user-authenticated',
      'identity.hash-bound',
    ]);
  });

  it('S2, S5: user_id → 200 and identity.user-authenticated on identity.events', async () => {
    const userId = `u-200-${run}`;
    const from = await endOffsets();
    const response = await init(open, { user_id: userId, email: 'ann@acme.example' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      mode: 'user',
      userId,
      displayName: expect.stringMatching(/\(anonym\)$/),
      profile: { email: 'ann@acme.example' },
      sessionId: expect.any(String),
      sessionToken: expect.any(String),
      expiresAt: expect.any(String),
      deviceToken: expect.any(String),
    });
    const stream = userIdentityStreamId(open.applicationId, userId);
    const [event] = await readBack(
      from,
      (id) => id === stream,
      (e) => e.length >= 1,
    );
    expect(event).toMatchObject({
      type: 'identity.user-authenticated',
      payload: {
        userId,
        sessionId: response.body.sessionId,
        profile: { email: 'ann@acme.example' },
      },
    });
  });

  it('S4: no user_id → VisitorStarted with the prefill; the device token keeps the visitor', async () => {
    const from = await endOffsets();
    const first = await init(open, { name: 'Vera', email: 'vera@acme.example' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      mode: 'visitor',
      visitorId: expect.any(String),
      deviceToken: expect.stringMatching(/^[A-Za-z0-9_-]{8,128}$/),
      preChatForm: { name: 'Vera', email: 'vera@acme.example' },
      generatedName: expect.stringMatching(/\(anonym\)$/),
      sessionToken: expect.any(String),
    });
    const again = await init(open, undefined, { deviceToken: first.body.deviceToken });
    expect(again.body).toMatchObject({ visitorId: first.body.visitorId, preChatForm: {} });
    const stream = visitorStreamId(open.applicationId, deviceIdOf(first.body.deviceToken));
    const events = await readBack(
      from,
      (id) => id === stream,
      (e) => e.length >= 1,
    );
    expect(events).toEqual([
      expect.objectContaining({
        type: 'identity.visitor-started',
        payload: expect.objectContaining({
          visitorId: first.body.visitorId,
          prefill: { name: 'Vera', email: 'vera@acme.example' },
        }),
      }),
    ]);
    expect(JSON.stringify(events)).not.toContain(first.body.deviceToken);
  });

  it('S6: 20 concurrent first inits with 20 different hashes → exactly one 200 and one HashBound, 19 refused', async () => {
    const userId = `u-race-${run}`;
    const from = await endOffsets();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        init(
          open,
          { user_id: userId, security_hash: `hash-${i}` },
          {},
          { 'x-client-address': `198.51.100.${i + 1}` },
        ),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    const refused = responses.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(19);
    // All 19 are 403: mismatches, and once the user's lockout starts (after five wrong guesses,
    // depending on timing) refusals that say when to retry.
    for (const r of refused) {
      expect(r.status).toBe(403);
      expect(r.body).toEqual({
        statusCode: 403,
        error: 'IDENTITY_AUTHENTICATION_REJECTED',
        message: expect.any(String),
        reason: expect.stringMatching(/^(security-hash-mismatch|rate-limited)$/),
      });
      if (r.body.reason === 'rate-limited') expect(Number(r.retryAfter)).toBeGreaterThan(0);
    }
    const mismatches = refused.filter((r) => r.body.reason === 'security-hash-mismatch').length;
    expect(mismatches).toBeGreaterThanOrEqual(5);

    // Every mismatch is recorded; a lockout at least once (not once per refusal).
    const rejected = (e: TopicEvent[], reason: string) =>
      e.filter((x) => x.type === 'identity.authentication-rejected' && x.payload.reason === reason)
        .length;
    const stream = userIdentityStreamId(open.applicationId, userId);
    const events = await readBack(
      from,
      (id) => id === stream,
      (e) =>
        rejected(e, 'security-hash-mismatch') >= mismatches &&
        (mismatches === 19 || rejected(e, 'rate-limited') >= 1),
    );
    expect(events.filter((e) => e.type === 'identity.hash-bound')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'identity.user-authenticated')).toHaveLength(1);
  }, 60_000);

  it('S6: a 403 carries nothing of the user, and the rejection is on the topic', async () => {
    const userId = `u-403-${run}`;
    const profile = {
      email: `real-${run}@customer.example`,
      name: `Real Person ${run}`,
      company: `Real Company ${run}`,
      phone: `+1 555 ${randomInt(1e6)}`,
    };
    const from = await endOffsets();
    expect(
      (await init(open, { user_id: userId, security_hash: 'the-real-hash', ...profile })).status,
    ).toBe(200);
    const refused = await init(
      open,
      { user_id: userId, security_hash: 'a-guess' },
      {},
      { 'x-client-address': '203.0.113.50' },
    );
    expect(refused.status).toBe(403);
    expect(Object.keys(refused.body).sort()).toEqual(['error', 'message', 'reason', 'statusCode']);
    for (const value of [...Object.values(profile), userId])
      expect(refused.text).not.toContain(value);
    const missing = await init(open, { user_id: userId, ...profile, name: 'Impostor' });
    expect(missing.body).toMatchObject({ statusCode: 403, reason: 'security-hash-missing' });
    for (const value of Object.values(profile)) expect(missing.text).not.toContain(value);

    const stream = userIdentityStreamId(open.applicationId, userId);
    const events = await readBack(
      from,
      (id) => id === stream,
      (e) => e.filter((x) => x.type === 'identity.authentication-rejected').length >= 2,
    );
    expect(
      events.filter((e) => e.type === 'identity.authentication-rejected').map((e) => e.payload),
    ).toEqual([
      { userId, reason: 'security-hash-mismatch', clientAddress: '203.0.113.50' },
      expect.objectContaining({ userId, reason: 'security-hash-missing' }),
    ]);
    expect(JSON.stringify(events)).not.toContain('a-guess');
    expect(JSON.stringify(events)).not.toContain('the-real-hash');
  });

  it('brute force: wrong guesses from one address over many users → 403 rate-limited with Retry-After', async () => {
    const users = Array.from({ length: 6 }, (_, i) => `u-spray-${i}-${run}`);
    const attacker = { 'x-client-address': `2001:db8::${randomInt(0xffff).toString(16)}` };
    for (const userId of users) {
      expect((await init(open, { user_id: userId, security_hash: 'real' })).status).toBe(200);
    }
    const answers = [];
    for (const userId of users) {
      answers.push(await init(open, { user_id: userId, security_hash: 'guess' }, {}, attacker));
    }
    expect(answers.map((a) => a.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(answers[5]?.body).toEqual({
      statusCode: 403,
      error: 'IDENTITY_AUTHENTICATION_REJECTED',
      message: expect.any(String),
      reason: 'rate-limited',
    });
    expect(Number(answers[5]?.retryAfter)).toBeGreaterThan(0);
    // Another address is not affected, and an unguarded init never is.
    expect((await init(open, { user_id: users[0], security_hash: 'real' })).status).toBe(200);
  });

  it('S18: bad bodies and addresses → 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ organizationDomain: domain, applicationId: open.applicationId }, 'applicationSecret'],
      [
        {
          organizationDomain: 'not a domain!',
          applicationId: open.applicationId,
          applicationSecret: 'x',
        },
        'organizationDomain',
      ],
      [
        {
          organizationDomain: domain,
          applicationId: open.applicationId,
          applicationSecret: 'x',
          user: { email: 'nope' },
        },
        'user.email',
      ],
      [
        {
          organizationDomain: domain,
          applicationId: open.applicationId,
          applicationSecret: 'x',
          user: { user_id: 'x'.repeat(256) },
        },
        'user.user_id',
      ],
      [
        {
          organizationDomain: domain,
          applicationId: open.applicationId,
          applicationSecret: 'x',
          user: { security_hash: 'x'.repeat(1025) },
        },
        'user.security_hash',
      ],
      [
        {
          organizationDomain: domain,
          applicationId: open.applicationId,
          applicationSecret: 'x',
          deviceToken: 'bad token!',
        },
        'deviceToken',
      ],
      [
        {
          organizationDomain: domain,
          applicationId: open.applicationId,
          applicationSecret: 'x',
          extra: 1,
        },
        'extra',
      ],
    ];
    for (const [body, field] of cases) {
      const response = await post('/internal/widget/auth', body);
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(response.body.field).toBe(field);
    }
    const badAddress = await init(open, undefined, {}, { 'x-client-address': 'not-an-ip' });
    expect(badAddress).toMatchObject({ status: 400, body: { field: 'x-client-address' } });
  });

  it('S7: required verification → valid user_hash 200 (verifiedBy), missing or invalid 403', async () => {
    const userId = `u-signed-${run}`;
    const ok = await init(guarded, {
      user_id: userId,
      user_hash: userHashOf(guarded.secret, userId),
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ mode: 'user', userId, verifiedBy: guarded.keyId });
    const missing = await init(guarded, { user_id: userId });
    expect(missing.body).toEqual(
      expect.objectContaining({ statusCode: 403, reason: 'user-hash-missing' }),
    );
    const invalid = await init(guarded, {
      user_id: userId,
      user_hash: userHashOf('w'.repeat(43), userId),
    });
    expect(invalid.body).toEqual(
      expect.objectContaining({ statusCode: 403, reason: 'user-hash-invalid' }),
    );
    const visitor = await init(guarded, { name: 'Anon' });
    expect(visitor.body).toMatchObject({ mode: 'visitor' });
  });
});
