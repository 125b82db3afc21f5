import { randomInt } from 'node:crypto';
import { keyedHash, userHashOf, userIdentityStreamId } from '../../src/domain';
import {
  freshIdentitySecrets,
  randomHex,
  registerApplication,
  registerOrganization,
  request,
  SecretLedger,
  signSession,
  token,
  uniqueDomain,
  unsignedJwt,
  until,
  userJwt,
  widgetAuth,
  withEditedPayload,
  withFlippedSignature,
  type Answer,
  type AppCredentials,
} from '@threadline/testing';
import { startIdentityProcess, type IdentityProcess } from './identity-process';

/**
 * Issue 9, "Impersonation and tenancy", at the identity level: every way of passing for another
 * user, application or session is refused, and no refusal carries anything of the party it
 * targeted. The gateway-level matrix comes with the gateway.
 */

interface Victim {
  app: AppCredentials;
  user: Record<string, string>;
  sessionId: string;
  sessionToken: string;
  deviceToken: string;
}

interface Attempt {
  group: string;
  name: string;
  send: () => Promise<Answer>;
  status: number;
  error?: string;
  reason?: string;
  /** What the attempt itself sent and the answer may name back (never the victim's other data). */
  presented?: string[];
}

describe('impersonation and tenancy at the identity service (real process, Kafka and store)', () => {
  const secrets = freshIdentitySecrets();
  const [signingKey, olderKey] = secrets.sessionKeys as [
    { id: string; secret: string },
    { id: string; secret: string },
  ];
  let identity: IdentityProcess;
  let open: AppCredentials;
  let sibling: AppCredentials;
  let guarded: AppCredentials;
  let foreign: AppCredentials;
  const victims: Victim[] = [];
  const ledger = new SecretLedger();
  const results = new Map<string, { attempts: number; refused: number; leaks: number }>();
  let addresses = 0;
  /** A fresh client address per attempt, so the per-address limit never masks a reason. */
  const address = () => ({
    'x-client-address': `198.51.${100 + Math.floor(addresses / 250)}.${(addresses++ % 250) + 1}`,
  });

  beforeAll(async () => {
    identity = await startIdentityProcess(secrets);
    const [x, y] = [uniqueDomain('imp-x'), uniqueDomain('imp-y')];
    await Promise.all([registerOrganization(identity, x), registerOrganization(identity, y)]);
    [open, sibling, guarded, foreign] = await Promise.all([
      registerApplication(identity, x),
      registerApplication(identity, x),
      registerApplication(identity, x, 'required'),
      registerApplication(identity, y, 'required'),
    ]);
    for (const app of [open, sibling, guarded, foreign]) {
      ledger.add('applicationSecret', app.applicationSecret);
      ledger.add('identity secret', app.identitySecret);
    }
    ledger.add('IDENTITY_HASH_PEPPER', secrets.pepper);
    ledger.add('IDENTITY_MASTER_KEY', secrets.masterKey);
    for (const key of secrets.sessionKeys) ledger.add('IDENTITY_SESSION_KEY secret', key.secret);
  }, 180_000);

  afterAll(async () => {
    for (const [group, r] of results) {
      console.info(
        `impersonation: ${group}: ${r.attempts} attempts, ${r.refused} refused, ${r.leaks} leaks`,
      );
    }
    await identity?.stop();
  });

  /** A real user with a unique profile who authenticated on `app`; the party attempts target. */
  async function victim(
    app: AppCredentials,
    proof: (userId: string) => Record<string, string> = () => ({}),
  ) {
    const suffix = token(6);
    const userId = `victim-${suffix}`;
    const user = {
      user_id: userId,
      email: `real.${suffix.toLowerCase().replace(/[^a-z0-9]/g, 'x')}@customer.example`,
      name: `Real Person ${suffix}`,
      phone: `+1 555 ${randomInt(1_000_000, 9_999_999)}`,
      company: `Real Company ${suffix}`,
      ...(app.identitySecret ? {} : { security_hash: `bound-${token(16)}` }),
      ...proof(userId),
    };
    const answer = await widgetAuth(identity, app, user, {}, address());
    expect(answer.status).toBe(200);
    const v: Victim = {
      app,
      user,
      sessionId: String(answer.json?.sessionId),
      sessionToken: String(answer.json?.sessionToken),
      deviceToken: String(answer.json?.deviceToken),
    };
    victims.push(v);
    ledger.add('security_hash', user.security_hash);
    if (user.security_hash) ledger.add('keyed hash', keyedHash(secrets.pepper, user.security_hash));
    const proofs = user as Record<string, string | undefined>;
    ledger.add('user_hash', proofs.user_hash);
    ledger.add('user_jwt', proofs.user_jwt);
    ledger.add('session token', v.sessionToken);
    ledger.add('device token', v.deviceToken);
    return v;
  }

  /** Everything of every victim that no other party may ever be answered with. */
  function victimData(presented: string[] = []): string[] {
    return victims
      .flatMap((v) => [...Object.values(v.user), v.sessionId, v.sessionToken, v.deviceToken])
      .filter((value) => value.length >= 6 && !presented.includes(value));
  }

  async function run(attempts: Attempt[]): Promise<void> {
    const problems: string[] = [];
    for (const attempt of attempts) {
      const answer = await attempt.send();
      const tally = results.get(attempt.group) ?? { attempts: 0, refused: 0, leaks: 0 };
      results.set(attempt.group, tally);
      tally.attempts++;
      const leaked = victimData(attempt.presented).filter((value) => answer.text.includes(value));
      if (leaked.length > 0) {
        tally.leaks++;
        problems.push(
          `${attempt.name}: the answer holds ${leaked.length} value(s) of the targeted party`,
        );
      }
      const got = { status: answer.status, error: answer.json?.error, reason: answer.json?.reason };
      const want = {
        status: attempt.status,
        error: attempt.error ?? got.error,
        reason: attempt.reason ?? got.reason,
      };
      if (got.status === want.status && got.error === want.error && got.reason === want.reason) {
        if (answer.status >= 400) tally.refused++;
      } else {
        problems.push(
          `${attempt.name}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`,
        );
      }
    }
    expect(problems).toEqual([]);
  }

  const REJECTED = 'IDENTITY_AUTHENTICATION_REJECTED';
  const CREDENTIALS = 'IDENTITY_WIDGET_CREDENTIALS_REJECTED';
  const SESSION = 'SESSION_REJECTED';

  it('S6: a bound security_hash cannot be skipped, guessed or borrowed', async () => {
    const attempts: Attempt[] = [];
    const refused = (name: string, user: (v: Victim) => Record<string, unknown>, reason: string) =>
      attempts.push({
        group: 'widget auth, security_hash (S6)',
        name,
        status: 403,
        error: REJECTED,
        reason,
        send: async () => {
          const v = await victim(open);
          return widgetAuth(identity, open, user(v), {}, address());
        },
      });
    const only = (v: Victim) => ({ user_id: v.user.user_id });
    refused('missing security_hash after binding', only, 'security-hash-missing');
    refused(
      'empty security_hash',
      (v) => ({ ...only(v), security_hash: '' }),
      'security-hash-missing',
    );
    refused(
      'null security_hash',
      (v) => ({ ...only(v), security_hash: null }),
      'security-hash-missing',
    );
    refused(
      'wrong security_hash',
      (v) => ({ ...only(v), security_hash: `guess-${token()}` }),
      'security-hash-mismatch',
    );
    refused(
      'security_hash in another case',
      (v) => ({ ...only(v), security_hash: String(v.user.security_hash).toUpperCase() }),
      'security-hash-mismatch',
    );
    refused(
      'security_hash with a trailing space',
      (v) => ({ ...only(v), security_hash: `${v.user.security_hash} ` }),
      'security-hash-mismatch',
    );
    refused(
      "another user's security_hash",
      (v) => ({
        ...only(v),
        security_hash: victims.find((o) => o !== v && o.user.security_hash)?.user.security_hash,
      }),
      'security-hash-mismatch',
    );
    refused(
      'profile fields of an impostor without the hash',
      (v) => ({ ...only(v), name: 'Impostor', email: 'impostor@evil.example' }),
      'security-hash-missing',
    );
    attempts.push({
      group: 'widget auth, security_hash (S6)',
      name: "the victim's own device token without the hash",
      status: 403,
      error: REJECTED,
      reason: 'security-hash-missing',
      send: async () => {
        const v = await victim(open);
        return widgetAuth(identity, open, only(v), { deviceToken: v.deviceToken }, address());
      },
      presented: [],
    });
    await victim(open);
    await run(attempts);
  });

  it("S1, S17: another application's or organization's credentials are a 401", async () => {
    const v = await victim(open);
    const user = { user_id: v.user.user_id, security_hash: v.user.security_hash };
    const as = (app: Partial<AppCredentials>) => () =>
      widgetAuth(identity, { ...open, ...app }, user, {}, address());
    const group = 'widget auth, application credentials (S1, S17)';
    await run([
      {
        group,
        name: "another application's secret",
        send: as({ applicationSecret: sibling.applicationSecret }),
        status: 401,
        error: CREDENTIALS,
      },
      {
        group,
        name: "another application's id",
        send: as({ applicationId: sibling.applicationId }),
        status: 401,
        error: CREDENTIALS,
      },
      {
        group,
        name: 'an application of another organization',
        send: as({
          applicationId: foreign.applicationId,
          applicationSecret: foreign.applicationSecret,
        }),
        status: 401,
        error: CREDENTIALS,
      },
      {
        group,
        name: "this application under another organization's domain",
        send: as({ domain: foreign.domain }),
        status: 401,
        error: CREDENTIALS,
      },
      {
        group,
        name: 'an unknown organization',
        send: as({ domain: uniqueDomain('nobody') }),
        status: 401,
        error: CREDENTIALS,
      },
      {
        group,
        name: 'the secret with one character changed',
        send: as({ applicationSecret: withFlippedSignature(open.applicationSecret) }),
        status: 401,
        error: CREDENTIALS,
      },
      {
        group,
        name: 'no secret',
        send: () =>
          request(identity.url, '/internal/widget/auth', {
            body: { organizationDomain: open.domain, applicationId: open.applicationId, user },
          }),
        status: 400,
        error: 'VALIDATION_FAILED',
      },
    ]);
  });

  it('S7: a signed identity cannot be missing, forged, borrowed, expired or unsigned', async () => {
    const secret = guarded.identitySecret!;
    const group = 'widget auth, user_hash and user_jwt (S7)';
    const attempt = (
      name: string,
      reason: string,
      proof: (
        userId: string,
        other: string,
      ) => Promise<Record<string, unknown>> | Record<string, unknown>,
    ): Attempt => ({
      group,
      name,
      status: 403,
      error: REJECTED,
      reason,
      send: async () => {
        const v = await victim(guarded, (id) => ({ user_hash: userHashOf(secret, id) }));
        const other = `other-${token()}`;
        const userId = String(v.user.user_id);
        const sent = { user_id: userId, ...(await proof(userId, other)) };
        for (const value of Object.values(sent)) ledger.add('forged proof', value);
        return widgetAuth(identity, guarded, sent, {}, address());
      },
    });
    await run([
      attempt('no proof at all', 'user-hash-missing', () => ({})),
      attempt('a random user_hash', 'user-hash-invalid', () => ({ user_hash: randomHex() })),
      attempt('a user_hash that is not hex', 'user-hash-invalid', () => ({
        user_hash: 'z'.repeat(64),
      })),
      attempt("another user's user_hash", 'user-hash-invalid', (_, other) => ({
        user_hash: userHashOf(secret, other),
      })),
      attempt("a user_hash under another application's key", 'user-hash-invalid', (id) => ({
        user_hash: userHashOf(foreign.identitySecret!, id),
      })),
      attempt('an expired user_jwt', 'user-jwt-invalid', async (id) => ({
        user_jwt: await userJwt(id, { secret, expiresIn: -300 }),
      })),
      attempt('a user_jwt under a wrong key', 'user-jwt-invalid', async (id) => ({
        user_jwt: await userJwt(id, { secret: randomHex(), expiresIn: 300 }),
      })),
      attempt("a user_jwt under another application's key", 'user-jwt-invalid', async (id) => ({
        user_jwt: await userJwt(id, { secret: foreign.identitySecret!, expiresIn: 300 }),
      })),
      attempt('an unsigned user_jwt (alg none)', 'user-jwt-invalid', (id) => ({
        user_jwt: unsignedJwt(id),
      })),
      attempt('a user_jwt signed with HS512', 'user-jwt-invalid', async (id) => ({
        user_jwt: await userJwt(id, { secret, alg: 'HS512', expiresIn: 300 }),
      })),
      attempt('a user_jwt without exp', 'user-jwt-invalid', async (id) => ({
        user_jwt: await userJwt(id, { secret, expiresIn: undefined }),
      })),
      attempt('a user_jwt not valid yet (nbf)', 'user-jwt-invalid', async (id) => ({
        user_jwt: await userJwt(id, { secret, expiresIn: 600, notBefore: 300 }),
      })),
      attempt('a user_jwt naming an unknown key (kid)', 'user-jwt-invalid', async (id) => ({
        user_jwt: await userJwt(id, { secret, kid: 'no-such-key', expiresIn: 300 }),
      })),
      attempt("another user's valid user_jwt", 'user-jwt-invalid', async (_, other) => ({
        user_jwt: await userJwt(other, { secret, expiresIn: 300 }),
      })),
      attempt(
        'a user_jwt with its payload edited to this user',
        'user-jwt-invalid',
        async (id, other) => {
          const [header, , signature] = (await userJwt(other, { secret, expiresIn: 300 })).split(
            '.',
          );
          const payload = Buffer.from(
            JSON.stringify({ user_id: id, exp: Math.floor(Date.now() / 1000) + 300 }),
          ).toString('base64url');
          return { user_jwt: `${header}.${payload}.${signature}` };
        },
      ),
    ]);
    // The positive control: the same victim with a valid JWT gets in.
    const v = await victim(guarded, (id) => ({ user_hash: userHashOf(secret, id) }));
    const jwt = await userJwt(v.user.user_id!, { secret, expiresIn: 300 });
    ledger.add('user_jwt', jwt);
    expect(
      (
        await widgetAuth(
          identity,
          guarded,
          { user_id: v.user.user_id, user_jwt: jwt },
          {},
          address(),
        )
      ).status,
    ).toBe(200);
  });

  it('S7: an identity key stops verifying once its overlap window has passed', async () => {
    const app = await registerApplication(identity, guarded.domain, 'required');
    ledger.add('applicationSecret', app.applicationSecret);
    ledger.add('identity secret', app.identitySecret);
    const added = await request(
      identity.url,
      `/internal/applications/${app.applicationId}/identity-keys`,
      { body: {} },
    );
    expect(added.status).toBe(201);
    const next = { keyId: String(added.json?.keyId), secret: String(added.json?.secret) };
    ledger.add('identity secret', next.secret);
    const retiresAt = new Date(Date.now() + 8_000).toISOString();
    const retired = await request(
      identity.url,
      `/internal/applications/${app.applicationId}/identity-keys/${app.keyId}/retire`,
      {
        body: { retiresAt },
      },
    );
    expect(retired.status).toBe(200);
    await until('the rotation projected', async () => {
      const doc = await identity.db
        .collection('applications')
        .findOne({ _id: app.applicationId as never });
      const keys = (doc?.identityKeys ?? {}) as Record<string, { retiresAt?: unknown }>;
      return Boolean(keys[next.keyId] && keys[app.keyId!]?.retiresAt);
    });
    const userId = `rotated-${token()}`;
    const withHash = (secret: string) =>
      widgetAuth(
        identity,
        app,
        { user_id: userId, user_hash: userHashOf(secret, userId) },
        {},
        address(),
      );
    // Inside the overlap both keys verify, and the session records which one did.
    if (Date.now() < Date.parse(retiresAt) - 1_000) {
      expect((await withHash(app.identitySecret!)).json).toMatchObject({ verifiedBy: app.keyId });
    }
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, Date.parse(retiresAt) - Date.now() + 500)),
    );
    const group = 'widget auth, rotated-out identity key (S7)';
    await run([
      {
        group,
        name: 'a user_hash under the key after its window',
        send: () => withHash(app.identitySecret!),
        status: 403,
        error: REJECTED,
        reason: 'user-hash-invalid',
      },
      {
        group,
        name: 'a user_jwt under the key after its window',
        send: async () =>
          widgetAuth(
            identity,
            app,
            {
              user_id: userId,
              user_jwt: await userJwt(userId, { secret: app.identitySecret!, expiresIn: 300 }),
            },
            {},
            address(),
          ),
        status: 403,
        error: REJECTED,
        reason: 'user-jwt-invalid',
      },
      { group, name: 'the new key (control)', send: () => withHash(next.secret), status: 200 },
    ]);
  });

  it('S8: session tokens that are absent, malformed, tampered, expired, ended, or signed with a retired key are a 401', async () => {
    const v = await victim(open);
    const ended = await victim(open);
    expect(
      (
        await request(identity.url, '/internal/sessions/end', {
          body: { token: ended.sessionToken },
        })
      ).status,
    ).toBe(204);
    const verify = (body: unknown) => () =>
      request(identity.url, '/internal/sessions/verify', { body });
    const claims = {
      sessionId: v.sessionId,
      applicationId: open.applicationId,
      subject: { kind: 'user' as const, id: v.user.user_id! },
      deviceId: 'dev_forged',
      expiresAt: new Date(Date.now() + 3_600_000),
    };
    const forged = {
      expired: signSession(signingKey, { ...claims, expiresAt: new Date(Date.now() - 60_000) }),
      retired: signSession({ id: 'k0', secret: `retired-${token(24)}` }, claims),
      wrongSecret: signSession({ id: signingKey.id, secret: `forged-${token(24)}` }, claims),
      older: signSession(olderKey, claims),
    };
    for (const value of Object.values(forged)) ledger.add('forged session token', value);
    const group = 'session tokens (S8)';
    const rejected = (
      name: string,
      body: unknown,
      reason: string,
      presented: string[] = [],
    ): Attempt => ({
      group,
      name,
      send: verify(body),
      status: 401,
      error: SESSION,
      reason,
      presented,
    });
    await run([
      { group, name: 'no token', send: verify({}), status: 400, error: 'VALIDATION_FAILED' },
      {
        group,
        name: 'an empty token',
        send: verify({ token: '' }),
        status: 400,
        error: 'VALIDATION_FAILED',
      },
      rejected('a malformed token', { token: 'not-a-token' }, 'malformed'),
      rejected(
        'a JWT instead of a session token',
        { token: unsignedJwt(v.user.user_id!) },
        'malformed',
      ),
      rejected(
        'a tampered signature',
        { token: withFlippedSignature(v.sessionToken) },
        'bad-signature',
      ),
      rejected(
        'a payload naming another user',
        {
          token: withEditedPayload(
            v.sessionToken,
            (p) => (p.sub = { k: 'user', id: 'someone-else' }),
          ),
        },
        'bad-signature',
      ),
      rejected(
        "a token of this application edited to another application's",
        { token: withEditedPayload(v.sessionToken, (p) => (p.app = sibling.applicationId)) },
        'bad-signature',
      ),
      rejected(
        'a payload with a later expiry',
        { token: withEditedPayload(v.sessionToken, (p) => (p.exp = Number(p.exp) + 86_400)) },
        'bad-signature',
      ),
      rejected('an expired token', { token: forged.expired }, 'expired', [v.sessionId]),
      rejected('a token signed with a retired key', { token: forged.retired }, 'bad-signature', [
        v.sessionId,
      ]),
      rejected(
        'a token signed with a guessed secret under the current key id',
        { token: forged.wrongSecret },
        'bad-signature',
        [v.sessionId],
      ),
      rejected('an ended session (after logout)', { token: ended.sessionToken }, 'ended', [
        ended.sessionToken,
      ]),
      {
        group,
        name: 'logout with a tampered token',
        send: () =>
          request(identity.url, '/internal/sessions/end', {
            body: { token: withFlippedSignature(v.sessionToken) },
          }),
        status: 401,
        error: SESSION,
        reason: 'bad-signature',
      },
      // Controls: the real token still verifies, as does one signed by the older key still in the ring.
      {
        group,
        name: 'the real token (control)',
        send: verify({ token: v.sessionToken }),
        status: 200,
        presented: [v.sessionId, v.user.user_id!],
      },
      {
        group,
        name: 'a token of the older key still in the ring (control)',
        send: verify({ token: forged.older }),
        status: 200,
        presented: [v.sessionId, v.user.user_id!],
      },
    ]);
  });

  it("S17: what one application's device or session holds never opens another application's user", async () => {
    const v = await victim(open);
    const verified = await request(identity.url, '/internal/sessions/verify', {
      body: { token: v.sessionToken },
    });
    // The gateway routes a session by the application it names: always the one that issued it.
    expect(verified.json).toMatchObject({
      applicationId: open.applicationId,
      subject: { kind: 'user', id: v.user.user_id },
    });
    const group = 'tenancy across applications (S17)';
    await run([
      {
        group,
        name: "another application's init with the victim's device token",
        send: () =>
          widgetAuth(identity, sibling, undefined, { deviceToken: v.deviceToken }, address()),
        status: 200,
        presented: [v.deviceToken],
      },
      {
        group,
        name: "another application's init with the victim's user_id and security_hash",
        send: () =>
          widgetAuth(
            identity,
            sibling,
            { user_id: v.user.user_id, security_hash: v.user.security_hash },
            {},
            address(),
          ),
        status: 200,
        presented: [v.user.user_id!],
      },
    ]);
  });

  it('brute force: wrong hashes for a bound user are slowed (Retry-After grows) and each check is recorded', async () => {
    const v = await victim(open);
    const attacker = { 'x-client-address': '203.0.113.77' };
    const guess = (hash: string) =>
      widgetAuth(identity, open, { user_id: v.user.user_id, security_hash: hash }, {}, attacker);
    const answers: Answer[] = [];
    for (let i = 0; i < 12; i++) answers.push(await guess(`guess-${i}-${token()}`));
    // The right hash during the lockout is refused too: a lucky guess cannot be confirmed.
    answers.push(await guess(v.user.security_hash!));
    const firstLockout = Number(answers[answers.length - 1]!.headers.get('retry-after'));
    await new Promise((resolve) => setTimeout(resolve, firstLockout * 1000 + 300));
    answers.push(await guess(`guess-late-${token()}`));
    answers.push(await guess(`guess-later-${token()}`));
    const secondLockout = Number(answers[answers.length - 1]!.headers.get('retry-after'));

    const reasons = answers.map((a) => a.json?.reason);
    expect(answers.every((a) => a.status === 403)).toBe(true);
    expect(reasons).toEqual([
      ...Array(5).fill('security-hash-mismatch'),
      ...Array(8).fill('rate-limited'),
      'security-hash-mismatch',
      'rate-limited',
    ]);
    expect(firstLockout).toBeGreaterThanOrEqual(1);
    expect(secondLockout).toBeGreaterThan(firstLockout);
    for (const answer of answers)
      expect(victimData([]).filter((d) => answer.text.includes(d))).toEqual([]);

    const events = await identity.events({
      streamId: userIdentityStreamId(open.applicationId, v.user.user_id!),
    });
    const rejected = events.filter((e) => e.type === 'identity.authentication-rejected');
    // Every checked guess is recorded; a lockout once, not once per refused attempt.
    expect(rejected.map((e) => e.payload.reason)).toEqual([
      ...Array(5).fill('security-hash-mismatch'),
      'rate-limited',
      'security-hash-mismatch',
      'rate-limited',
    ]);
    expect(rejected.every((e) => e.payload.clientAddress === '203.0.113.77')).toBe(true);
    expect(JSON.stringify(events)).not.toContain('guess-');
    console.info(
      `impersonation: brute force: ${answers.length} guesses at one bound hash, 6 checked, ` +
        `${answers.length - 6} slowed (Retry-After ${firstLockout} s, then ${secondLockout} s), ` +
        `${rejected.length} AuthenticationRejected recorded`,
    );
    results.set('brute force against a bound hash', {
      attempts: answers.length,
      refused: answers.length,
      leaks: 0,
    });
  }, 60_000);

  it('the logs hold none of the secrets, hashes or tokens seen in these attempts', async () => {
    ledger.addStoredHashes(await identity.events());
    const leaks = ledger.scan(identity.logs());
    console.info(
      `impersonation: log scan: ${ledger.size} secrets over ${identity.logs().length} bytes of logs, ${leaks.length} leaks`,
    );
    expect(leaks).toEqual([]);
    const attempts = [...results.values()].reduce((n, r) => n + r.attempts, 0);
    const leaked = [...results.values()].reduce((n, r) => n + r.leaks, 0);
    console.info(
      `impersonation: ${attempts} attempts in all, ${leaked} answers with the other party's data`,
    );
    expect(leaked).toBe(0);
  });
});
