import {
  randomHex,
  request,
  SecretLedger,
  signAgentToken,
  signSession,
  token,
  unsignedJwt,
  until,
  userJwt,
  withEditedPayload,
  withFlippedSignature,
  withKind,
  type PlatformStack,
} from '@threadline/testing';
import { http, leaksIn, nobody, socket, type Outcome, type Sees } from './impersonation.probe';
import {
  browser,
  nextAddress,
  payloadOf,
  userHashOf,
  World,
  type App,
  type Org,
  type User,
} from './impersonation.world';

/**
 * Issue 9, "Impersonation and tenancy", at the public edge: every gateway endpoint (HTTP and
 * `/ws`) against every way of passing for someone else, over two organizations whose users have
 * profiles, custom data, messages and imported contacts. Each attempt must get its documented
 * refusal (or, where the route only ever acts on the caller's own data, the caller's own answer),
 * and no answer (status, headers, body, frames) may hold anything of another party.
 */

interface Attempt {
  endpoint: string;
  name: string;
  sees: Sees;
  /** A status, a `/ws` outcome, or the ones allowed. */
  expect: number | string | (number | string)[];
  presented?: string[];
  /** Single values of other parties the actor may see: a user sees its agents' ids in replies. */
  alsoSees?: string[];
  /** Values that become the actor's own once this attempt succeeds. */
  publishes?: string[];
  send: () => Promise<Outcome>;
}

describe('impersonation and tenancy through the gateway (four real processes, Kafka and store)', () => {
  let stack: PlatformStack;
  let world: World;
  let x: Org;
  let y: Org;
  const tally = new Map<string, { attempts: number; leaks: number }>();
  const ledger = new SecretLedger();
  /** Values an attacker made its own (a victim's clientMessageId reused in its own thread). */
  const published = new Set<string>();

  beforeAll(async () => {
    world = await World.start();
    stack = world.stack;
    [x, y] = world.orgs as [Org, Org];
  }, 600_000);

  afterAll(async () => {
    const rows = [...tally].map(([e, t]) => `  ${e}: ${t.attempts} attempts, ${t.leaks} leaks`);
    const attempts = [...tally.values()].reduce((n, t) => n + t.attempts, 0);
    const leaks = [...tally.values()].reduce((n, t) => n + t.leaks, 0);
    console.info(
      `impersonation (gateway): ${attempts} attempts, ${leaks} leaks\n${rows.join('\n')}`,
    );
    await stack?.stop();
  });

  const gw = () => stack.gateway.url;
  const key = () => stack.secrets.sessionKeys[0]!;
  const guessedKey = () => ({ id: key().id, secret: `guessed-${token(24)}` });
  const userOf = (app: App, i = 0) => world.users.filter((u) => u.app === app)[i]!;
  const open = (org: Org) => org.apps.find((a) => a.verification === 'none')!;
  const signed = (org: Org) => org.apps.find((a) => a.verification === 'required')!;
  const asUser =
    (user: User): Sees =>
    (party) =>
      party === user;
  const asAgentOf =
    (org: Org): Sees =>
    (party) =>
      party.org === org && party.kind !== 'secret';

  async function run(attempts: Attempt[]): Promise<void> {
    const problems: string[] = [];
    for (const attempt of attempts) {
      const outcome = await attempt.send();
      for (const value of attempt.publishes ?? []) published.add(value);
      const row = tally.get(attempt.endpoint) ?? { attempts: 0, leaks: 0 };
      tally.set(attempt.endpoint, row);
      row.attempts++;
      const leaked = leaksIn(outcome.text, world.parties, attempt.sees, [
        ...(attempt.presented ?? []),
        ...(attempt.alsoSees ?? []),
        ...published,
      ]);
      if (leaked.length > 0) {
        row.leaks++;
        problems.push(`${attempt.endpoint} / ${attempt.name}: leaked ${leaked.join(', ')}`);
      }
      const allowed = Array.isArray(attempt.expect) ? attempt.expect : [attempt.expect];
      if (!allowed.includes(outcome.status)) {
        problems.push(
          `${attempt.endpoint} / ${attempt.name}: expected ${allowed.join(' or ')}, got ${outcome.text.slice(0, 300)}`,
        );
      }
    }
    expect(problems).toEqual([]);
  }

  /** Forged and borrowed credentials for a widget route, all from the attacker's browser. */
  function widgetTokens(attacker: User) {
    const claims = payloadOf(attacker.sessionToken);
    const victim = userOf(open(y));
    const expired = signSession(key(), {
      sessionId: String(claims.sid),
      applicationId: attacker.app.applicationId,
      subject: { kind: 'user', id: attacker.userId },
      deviceId: attacker.deviceId,
      expiresAt: new Date(Date.now() - 60_000),
    });
    const guessed = signSession(guessedKey(), {
      sessionId: victim.sessionId,
      applicationId: victim.app.applicationId,
      subject: { kind: 'user', id: victim.userId },
      deviceId: victim.deviceId,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    for (const t of [expired, guessed]) ledger.add('forged token', t);
    return [
      { name: 'no token', token: undefined, presented: [] as string[] },
      { name: 'expired token', token: expired, presented: [] },
      { name: 'tampered kind (v1 → v2)', token: withKind(attacker.sessionToken, 'v2') },
      {
        name: 'tampered payload (subject → a victim)',
        token: withEditedPayload(attacker.sessionToken, (p) => {
          p.sub = { k: 'user', id: victim.userId };
          p.app = victim.app.applicationId;
        }),
        presented: [victim.userId],
      },
      { name: 'tampered signature', token: withFlippedSignature(attacker.sessionToken) },
      { name: "a victim's claims under a guessed key", token: guessed, presented: [victim.userId] },
      { name: 'an agent token instead', token: attacker.org.agent.agentToken },
    ].map((t) => ({ presented: [], ...t }));
  }

  function agentTokens(org: Org) {
    const claims = payloadOf(org.agent.agentToken);
    const agentClaims = {
      agentId: String(claims.aid),
      organizationDomain: String(claims.org),
      email: String(claims.eml),
      name: String(claims.nam),
    };
    const other = org === x ? y : x;
    const expired = signAgentToken(key(), {
      ...agentClaims,
      expiresAt: new Date(Date.now() - 60_000),
    });
    const guessed = signAgentToken(guessedKey(), {
      ...agentClaims,
      organizationDomain: other.domain,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    for (const t of [expired, guessed]) ledger.add('forged token', t);
    return [
      { name: 'no token', token: undefined },
      { name: 'expired agent token', token: expired },
      { name: 'tampered kind (a1 → v1)', token: withKind(org.agent.agentToken, 'v1') },
      {
        name: "tampered payload (organization → the other's)",
        token: withEditedPayload(org.agent.agentToken, (p) => (p.org = other.domain)),
      },
      { name: 'tampered signature', token: withFlippedSignature(org.agent.agentToken) },
      { name: "the other organization's name under a guessed key", token: guessed },
      { name: 'a widget token instead', token: userOf(open(org)).sessionToken },
    ];
  }

  it('widget routes: no, expired, tampered, forged or wrong-kind tokens are 401; another application’s token from this site is 403', async () => {
    const attacker = userOf(open(x));
    const victim = userOf(open(y));
    const app = attacker.app;
    const routes: { endpoint: string; method: string; path: string; body?: unknown }[] = [
      { endpoint: 'POST /api/widget/logout', method: 'POST', path: '/api/widget/logout' },
      { endpoint: 'GET /api/widget/messages', method: 'GET', path: '/api/widget/messages' },
      {
        endpoint: 'POST /api/widget/messages',
        method: 'POST',
        path: '/api/widget/messages',
        body: { clientMessageId: `probe-${token(8)}`, text: 'probe' },
      },
      {
        endpoint: 'POST /api/widget/read',
        method: 'POST',
        path: '/api/widget/read',
        body: { upTo: attacker.messages[0]!.cursor },
      },
      {
        endpoint: 'POST /api/widget/pre-chat',
        method: 'POST',
        path: '/api/widget/pre-chat',
        body: { name: 'Probe', email: 'probe@probe.example' },
      },
      {
        endpoint: 'PATCH /api/widget/user',
        method: 'PATCH',
        path: '/api/widget/user',
        body: { name: 'Probe' },
      },
      {
        endpoint: 'PATCH /api/widget/user-data',
        method: 'PATCH',
        path: '/api/widget/user-data',
        body: { probe: 'probe' },
      },
    ];
    const attempts: Attempt[] = [];
    for (const route of routes) {
      for (const t of widgetTokens(attacker)) {
        attempts.push({
          endpoint: route.endpoint,
          name: t.name,
          sees: nobody,
          expect: 401,
          presented: t.presented,
          send: () =>
            http(gw(), route.method, route.path, browser(app, nextAddress(), t.token), route.body),
        });
      }
      attempts.push({
        endpoint: route.endpoint,
        name: "another application's widget token from this application's site",
        sees: nobody,
        expect: 403,
        presented: [victim.sessionToken],
        send: () =>
          http(
            gw(),
            route.method,
            route.path,
            browser(app, nextAddress(), victim.sessionToken),
            route.body,
          ),
      });
    }
    await run(attempts);
  });

  it("widget routes with the caller's own session and another user's ids: refused, or the caller's own data only", async () => {
    const attacker = userOf(open(x));
    const neighbour = userOf(open(x), 1);
    const foreign = userOf(open(y));
    const visitor = world.visitors.find((v) => v.app === attacker.app)!;
    const as = (t = attacker.sessionToken) => browser(attacker.app, nextAddress(), t);
    const sees = asUser(attacker);
    const attempts: Attempt[] = [];
    for (const victim of [neighbour, foreign]) {
      const cursor = victim.messages[0]!.cursor;
      const whose = victim === neighbour ? 'a neighbour' : 'another organization';
      attempts.push(
        ...(['before', 'after'] as const).map((at) => ({
          endpoint: 'GET /api/widget/messages',
          name: `${at} = a cursor of ${whose}`,
          sees,
          expect: 200,
          presented: [cursor],
          send: () =>
            http(gw(), 'GET', `/api/widget/messages?${at}=${encodeURIComponent(cursor)}`, as()),
        })),
        ...[
          ['a cursor', cursor],
          ['a message id', victim.messages[0]!.messageId],
        ].map(([what, upTo]) => ({
          endpoint: 'POST /api/widget/read',
          name: `upTo = ${what} of ${whose}`,
          sees,
          expect: 400,
          presented: [upTo!],
          send: () => http(gw(), 'POST', '/api/widget/read', as(), { upTo }),
        })),
        {
          endpoint: 'POST /api/widget/messages',
          name: `contactId of ${whose} in the body`,
          sees,
          expect: 400,
          presented: [victim.contactId],
          send: () =>
            http(gw(), 'POST', '/api/widget/messages', as(), {
              clientMessageId: `probe-${token(8)}`,
              text: 'to whom?',
              contactId: victim.contactId,
            }),
        },
        {
          endpoint: 'POST /api/widget/messages',
          name: `a clientMessageId of ${whose} (joins the caller's own thread)`,
          sees,
          expect: 201,
          presented: [victim.messages[0]!.clientMessageId],
          publishes: [victim.messages[0]!.clientMessageId],
          send: () =>
            http(gw(), 'POST', '/api/widget/messages', as(), {
              clientMessageId: victim.messages[0]!.clientMessageId,
              text: 'mine, not theirs',
            }),
        },
        {
          endpoint: 'PATCH /api/widget/user',
          name: `user_id of ${whose} in the body`,
          sees,
          expect: 400,
          presented: [victim.userId],
          send: () => http(gw(), 'PATCH', '/api/widget/user', as(), { user_id: victim.userId }),
        },
        {
          endpoint: 'POST /api/widget/pre-chat',
          name: `contactId of ${whose} in the body (visitor session)`,
          sees: nobody,
          expect: 400,
          presented: [victim.contactId, visitor.sessionToken],
          send: () =>
            http(gw(), 'POST', '/api/widget/pre-chat', as(visitor.sessionToken), {
              name: 'Visitor',
              email: 'visitor@probe.example',
              contactId: victim.contactId,
            }),
        },
      );
    }
    attempts.push({
      endpoint: 'PATCH /api/widget/user-data',
      name: 'user_id and contactId as data keys (stay attributes of the caller)',
      sees,
      expect: 204,
      presented: [foreign.userId, foreign.contactId],
      send: () =>
        http(gw(), 'PATCH', '/api/widget/user-data', as(), {
          user_id: foreign.userId,
          contactId: foreign.contactId,
        }),
    });
    for (const a of attempts) if (a.sees === sees) a.alsoSees = [x.agent.agentId];
    await run(attempts);
  });

  it('agent routes: bad tokens are 401, an agent of another organization gets 404 for every application route', async () => {
    const app = open(x);
    const user = userOf(app);
    const base = `/api/agent/applications/${app.applicationId}`;
    const routes = [
      {
        endpoint: 'GET /api/agent/applications/:app/contacts',
        method: 'GET',
        path: `${base}/contacts`,
      },
      {
        endpoint: 'GET /api/agent/applications/:app/threads',
        method: 'GET',
        path: `${base}/threads`,
      },
      {
        endpoint: 'GET /api/agent/applications/:app/contacts/:contactId',
        method: 'GET',
        path: `${base}/contacts/${user.contactId}`,
      },
      {
        endpoint: 'PATCH /api/agent/applications/:app/contacts/:contactId/attributes',
        method: 'PATCH',
        path: `${base}/contacts/${user.contactId}/attributes`,
        body: { attributes: { probe: 'x' } },
      },
      {
        endpoint: 'GET /api/agent/applications/:app/contacts/:contactId/messages',
        method: 'GET',
        path: `${base}/contacts/${user.contactId}/messages`,
      },
      {
        endpoint: 'POST /api/agent/applications/:app/contacts/:contactId/messages',
        method: 'POST',
        path: `${base}/contacts/${user.contactId}/messages`,
        body: { clientMessageId: `probe-${token(8)}`, text: 'probe' },
      },
      {
        endpoint: 'POST /api/agent/applications/:app/contacts/:contactId/read',
        method: 'POST',
        path: `${base}/contacts/${user.contactId}/read`,
        body: { upTo: user.messages[0]!.cursor },
      },
      {
        endpoint: 'POST /api/agent/applications/:app/imports',
        method: 'POST',
        path: `${base}/imports`,
        raw: 'user_id,email\nprobe-1,probe@probe.example\n',
      },
      {
        endpoint: 'GET /api/agent/applications/:app/imports/:importId',
        method: 'GET',
        path: `${base}/imports/${world.imports.find((i) => i.app === app)!.importId}`,
      },
    ] as { endpoint: string; method: string; path: string; body?: unknown; raw?: string }[];
    const presentedOf = (path: string) =>
      [user.contactId, ...world.imports.map((i) => i.importId)].filter((v) => path.includes(v));
    const attempts: Attempt[] = [];
    for (const route of routes) {
      const attempt = (
        name: string,
        sees: Attempt['sees'],
        expect: number,
        token: string | undefined,
      ): Attempt => ({
        endpoint: route.endpoint,
        name,
        sees,
        expect,
        presented: [
          ...presentedOf(route.path),
          ...(route.body ? [JSON.stringify(route.body)] : []),
        ],
        send: () =>
          http(
            gw(),
            route.method,
            route.path,
            token === undefined ? {} : { authorization: `Bearer ${token}` },
            route.body,
            route.raw,
          ),
      });
      for (const t of agentTokens(x)) attempts.push(attempt(t.name, nobody, 401, t.token));
      attempts.push(
        attempt('an agent of another organization', asAgentOf(y), 404, y.agent.agentToken),
      );
    }
    await run(attempts);
  });

  it("agent routes with the agent's own application and another tenant's contact, cursor, message or import ids: 404, or nothing of theirs", async () => {
    const app = open(x);
    const own = userOf(app);
    const base = `/api/agent/applications/${app.applicationId}`;
    const auth = { authorization: `Bearer ${x.agent.agentToken}` };
    const sees = asAgentOf(x);
    const attempts: Attempt[] = [];
    // A contact of the other organization, and one of another application of the same organization.
    for (const victim of [userOf(open(y)), userOf(signed(x))]) {
      const whose =
        victim.org === x ? 'another application of the organization' : 'another organization';
      const c = victim.contactId;
      const m = victim.messages[0]!;
      const isolated: Sees = (party) => sees(party) && party !== victim;
      attempts.push(
        {
          endpoint: 'GET /api/agent/applications/:app/contacts/:contactId',
          name: `a contact of ${whose}`,
          sees: isolated,
          expect: 404,
          presented: [c],
          send: () => http(gw(), 'GET', `${base}/contacts/${c}`, auth),
        },
        {
          endpoint: 'PATCH /api/agent/applications/:app/contacts/:contactId/attributes',
          name: `a contact of ${whose}`,
          sees: isolated,
          expect: 404,
          presented: [c],
          send: () =>
            http(gw(), 'PATCH', `${base}/contacts/${c}/attributes`, auth, {
              attributes: { hijacked: 'yes' },
            }),
        },
        {
          endpoint: 'GET /api/agent/applications/:app/contacts/:contactId/messages',
          name: `the thread of a contact of ${whose} (an empty page)`,
          sees: isolated,
          expect: 200,
          presented: [c],
          send: () => http(gw(), 'GET', `${base}/contacts/${c}/messages`, auth),
        },
        {
          endpoint: 'GET /api/agent/applications/:app/contacts/:contactId/messages',
          name: `an own thread paged from a cursor of ${whose}`,
          sees: isolated,
          expect: 200,
          presented: [m.cursor],
          send: () =>
            http(
              gw(),
              'GET',
              `${base}/contacts/${own.contactId}/messages?after=${encodeURIComponent(m.cursor)}`,
              auth,
            ),
        },
        {
          endpoint: 'POST /api/agent/applications/:app/contacts/:contactId/messages',
          name: `a reply into a thread of ${whose}`,
          sees: isolated,
          expect: 404,
          presented: [c],
          send: () =>
            http(gw(), 'POST', `${base}/contacts/${c}/messages`, auth, {
              clientMessageId: `probe-${token(8)}`,
              text: 'not your customer',
            }),
        },
        {
          endpoint: 'POST /api/agent/applications/:app/contacts/:contactId/messages',
          name: `a reply into a thread of ${whose} reusing one of its clientMessageIds`,
          sees: isolated,
          expect: 404,
          presented: [c, m.clientMessageId],
          send: () =>
            http(gw(), 'POST', `${base}/contacts/${c}/messages`, auth, {
              clientMessageId: m.clientMessageId,
              text: 'does this id exist there?',
            }),
        },
        {
          endpoint: 'POST /api/agent/applications/:app/contacts/:contactId/read',
          name: `read a thread of ${whose}`,
          sees: isolated,
          expect: 404,
          presented: [c, m.cursor],
          send: () => http(gw(), 'POST', `${base}/contacts/${c}/read`, auth, { upTo: m.cursor }),
        },
        {
          endpoint: 'POST /api/agent/applications/:app/contacts/:contactId/read',
          name: `read an own thread up to a cursor of ${whose}`,
          sees: isolated,
          expect: 400,
          presented: [m.cursor],
          send: () =>
            http(gw(), 'POST', `${base}/contacts/${own.contactId}/read`, auth, { upTo: m.cursor }),
        },
      );
    }
    const foreignImport = world.imports.find((i) => i.org === y)!;
    attempts.push(
      {
        endpoint: 'GET /api/agent/applications/:app/imports/:importId',
        name: 'an import of another organization',
        sees,
        expect: 404,
        presented: [foreignImport.importId],
        send: () => http(gw(), 'GET', `${base}/imports/${foreignImport.importId}`, auth),
      },
      {
        endpoint: 'GET /api/agent/applications/:app/contacts',
        name: "a search for another organization's contact by email",
        sees,
        expect: 200,
        presented: [userOf(open(y)).profile.email],
        send: () =>
          http(
            gw(),
            'GET',
            `${base}/contacts?q=${encodeURIComponent(userOf(open(y)).profile.email)}`,
            auth,
          ),
      },
      {
        endpoint: 'GET /api/agent/applications/:app/contacts',
        name: "a search for another organization's imported contact",
        sees,
        expect: 200,
        presented: [foreignImport.rows[0]!.email],
        send: () =>
          http(
            gw(),
            'GET',
            `${base}/contacts?q=${encodeURIComponent(foreignImport.rows[0]!.email)}`,
            auth,
          ),
      },
      {
        endpoint: 'GET /api/agent/applications/:app/threads',
        name: "the organization's own inbox holds nothing of the other",
        sees,
        expect: 200,
        send: () => http(gw(), 'GET', `${base}/threads?limit=100`, auth),
      },
    );
    await run(attempts);
  });

  it('init: a missing, wrong or borrowed security_hash, user_hash or user_jwt is 403; another application’s credentials 401; what one application holds opens nothing in another', async () => {
    const bound = userOf(open(x));
    const neighbour = userOf(open(x), 1);
    const guarded = signed(x);
    const signedUser = userOf(guarded);
    const app = bound.app;
    const initAttempt = (
      name: string,
      target: App,
      user: Record<string, unknown> | undefined,
      expectStatus: number,
      extra: Record<string, unknown> = {},
      presented: string[] = [],
      headers?: Record<string, string>,
    ): Attempt => {
      for (const value of Object.values(user ?? {})) ledger.add('presented proof', value);
      return {
        endpoint: 'POST /api/widget/init',
        name,
        sees: nobody,
        expect: expectStatus,
        presented: [...Object.values(user ?? {}).map(String), ...presented],
        send: () =>
          http(gw(), 'POST', '/api/widget/init', headers ?? browser(target, nextAddress()), {
            organizationDomain: target.domain,
            applicationId: Number(target.applicationId),
            applicationSecret: target.applicationSecret,
            ...(user && { user }),
            ...extra,
          }),
      };
    };
    const secret = guarded.identitySecret!;
    const id = signedUser.userId;
    const attempts: Attempt[] = [
      initAttempt('bound user without security_hash', app, { user_id: bound.userId }, 403),
      initAttempt(
        'bound user, wrong security_hash',
        app,
        { user_id: bound.userId, security_hash: `guess-${token()}` },
        403,
      ),
      initAttempt(
        "bound user with a neighbour's security_hash",
        app,
        { user_id: bound.userId, security_hash: neighbour.securityHash },
        403,
      ),
      initAttempt(
        "bound user_id with the victim's own device token, no hash",
        app,
        { user_id: bound.userId },
        403,
        { deviceToken: bound.deviceToken },
        [bound.deviceToken],
      ),
      initAttempt('signed application, no user_hash', guarded, { user_id: id }, 403),
      initAttempt(
        'signed application, random user_hash',
        guarded,
        { user_id: id, user_hash: randomHex() },
        403,
      ),
      initAttempt(
        "signed application, another user's user_hash",
        guarded,
        { user_id: id, user_hash: userHashOf(secret, `other-${token()}`) },
        403,
      ),
      initAttempt(
        "signed application, a user_hash under another application's key",
        guarded,
        { user_id: id, user_hash: userHashOf(signed(y).identitySecret!, id) },
        403,
      ),
      initAttempt(
        'signed application, expired user_jwt',
        guarded,
        { user_id: id, user_jwt: await userJwt(id, { secret, expiresIn: -300 }) },
        403,
      ),
      initAttempt(
        'signed application, unsigned user_jwt (alg none)',
        guarded,
        { user_id: id, user_jwt: unsignedJwt(id) },
        403,
      ),
      initAttempt(
        "signed application, another user's user_jwt",
        guarded,
        { user_id: id, user_jwt: await userJwt(`other-${token()}`, { secret, expiresIn: 300 }) },
        403,
      ),
      initAttempt(
        "signed application, a user_jwt under another application's key",
        guarded,
        {
          user_id: id,
          user_jwt: await userJwt(id, { secret: signed(y).identitySecret!, expiresIn: 300 }),
        },
        403,
      ),
      initAttempt(
        'signed application, user_jwt with a wrong key',
        guarded,
        { user_id: id, user_jwt: await userJwt(id, { secret: randomHex(), expiresIn: 300 }) },
        403,
      ),
      {
        ...initAttempt(
          "another application's secret",
          app,
          { user_id: bound.userId, security_hash: bound.securityHash },
          401,
        ),
        send: () =>
          http(gw(), 'POST', '/api/widget/init', browser(app, nextAddress()), {
            organizationDomain: app.domain,
            applicationId: Number(app.applicationId),
            applicationSecret: guarded.applicationSecret,
            user: { user_id: bound.userId, security_hash: bound.securityHash },
          }),
      },
      {
        ...initAttempt("another organization's application under this domain", app, undefined, 401),
        send: () =>
          http(gw(), 'POST', '/api/widget/init', browser(open(y), nextAddress()), {
            organizationDomain: x.domain,
            applicationId: Number(open(y).applicationId),
            applicationSecret: open(y).applicationSecret,
          }),
      },
      initAttempt(
        "this application's init from another application's site",
        app,
        { user_id: bound.userId, security_hash: bound.securityHash },
        403,
        {},
        [],
        browser(open(y), nextAddress()),
      ),
      initAttempt(
        "the victim's user_id and security_hash at another organization's application (a new user there)",
        open(y),
        { user_id: bound.userId, security_hash: bound.securityHash },
        200,
      ),
      initAttempt(
        "the victim's device token at another application (a new visitor there)",
        open(y),
        undefined,
        200,
        { deviceToken: bound.deviceToken },
        [bound.deviceToken],
      ),
    ];
    await run(attempts);
  });

  it('agent sign-in: another organization’s domain, a wrong password, are 401 with nothing of the agent', async () => {
    const signIn = (name: string, body: Record<string, string>): Attempt => ({
      endpoint: 'POST /api/agent/sign-in',
      name,
      sees: nobody,
      expect: 401,
      presented: Object.values(body),
      send: () =>
        http(gw(), 'POST', '/api/agent/sign-in', { 'x-forwarded-for': nextAddress() }, body),
    });
    await run([
      signIn("an agent's email and password at another organization's domain", {
        organizationDomain: y.domain,
        email: x.agent.email,
        password: x.agent.password,
      }),
      signIn('a wrong password', {
        organizationDomain: x.domain,
        email: x.agent.email,
        password: `wrong-${token(12)}`,
      }),
      signIn("another organization's agent's password", {
        organizationDomain: x.domain,
        email: x.agent.email,
        password: y.agent.password,
      }),
    ]);
  });

  it('/ws: bad tokens close with 4401, a foreign site with 4403; resumes of other threads are refused; live messages reach only their parties', async () => {
    const attacker = userOf(open(x));
    const neighbour = userOf(open(x), 1);
    const foreign = userOf(open(y));
    const ws = (
      name: string,
      headers: Record<string, string>,
      frames: unknown[],
      expectOutcome: string | string[],
      sees: Sees = nobody,
      presented: string[] = [],
      endpoint = 'WS /ws auth',
    ): Attempt => ({
      endpoint,
      name,
      sees,
      expect: expectOutcome,
      presented,
      send: () => socket(gw(), headers, frames),
    });
    const site = browser(attacker.app, nextAddress());
    const attempts: Attempt[] = [];
    for (const t of widgetTokens(attacker)) {
      if (t.token === undefined) continue;
      if (t.name === 'an agent token instead') continue;
      attempts.push(
        ws(t.name, site, [{ type: 'auth', token: t.token }], 'close 4401', nobody, t.presented),
      );
    }
    for (const t of agentTokens(x)) {
      if (t.token === undefined || t.name === 'a widget token instead') continue;
      attempts.push(ws(`agent: ${t.name}`, {}, [{ type: 'auth', token: t.token }], 'close 4401'));
    }
    attempts.push(
      ws('no auth frame, a resume first', site, [{ type: 'resume' }], 'error AUTH_REQUIRED'),
      ws('an auth frame without a token', site, [{ type: 'auth' }], 'error BAD_FRAME'),
      ws(
        'a token of no known kind',
        site,
        [{ type: 'auth', token: `x1.${randomHex(20)}` }],
        'close 4401',
      ),
      ws(
        "another application's widget token from this site",
        site,
        [{ type: 'auth', token: foreign.sessionToken }],
        'close 4403',
        nobody,
        [foreign.sessionToken],
      ),
    );
    const resume = 'WS /ws resume';
    const widgetSees = asUser(attacker);
    attempts.push(
      ws(
        "widget resumes a neighbour's thread",
        site,
        [
          { type: 'auth', token: attacker.sessionToken },
          { type: 'resume', contactId: neighbour.contactId },
        ],
        'error NOT_FOUND',
        widgetSees,
        [neighbour.contactId],
        resume,
      ),
      ws(
        "widget resumes another organization's thread",
        site,
        [
          { type: 'auth', token: attacker.sessionToken },
          {
            type: 'resume',
            applicationId: foreign.app.applicationId,
            contactId: foreign.contactId,
          },
        ],
        'error NOT_FOUND',
        widgetSees,
        [foreign.contactId],
        resume,
      ),
      ws(
        "widget resumes its own thread after another thread's cursor",
        site,
        [
          { type: 'auth', token: attacker.sessionToken },
          { type: 'resume', after: foreign.messages[0]!.cursor },
        ],
        'ready',
        widgetSees,
        [foreign.messages[0]!.cursor],
        resume,
      ),
      ws(
        "agent resumes a thread of another organization's application",
        {},
        [
          { type: 'auth', token: x.agent.agentToken },
          {
            type: 'resume',
            applicationId: foreign.app.applicationId,
            contactId: foreign.contactId,
          },
        ],
        'error NOT_FOUND',
        asAgentOf(x),
        [foreign.contactId],
        resume,
      ),
      ws(
        "agent resumes its own application with another organization's contact (an empty catch-up)",
        {},
        [
          { type: 'auth', token: x.agent.agentToken },
          {
            type: 'resume',
            applicationId: attacker.app.applicationId,
            contactId: foreign.contactId,
          },
        ],
        'ready',
        asAgentOf(x),
        [foreign.contactId],
        resume,
      ),
    );
    for (const a of attempts) if (a.sees === widgetSees) a.alsoSees = [x.agent.agentId];
    await run(attempts);

    // Live: sockets of a neighbour, another organization's user and agent stay silent while a
    // victim's own agent (the control) receives the victim's new message.
    const listen = (headers: Record<string, string>, authToken: string) =>
      socket(gw(), headers, [{ type: 'auth', token: authToken }], 12_000);
    const text = `live secret of ${foreign.userId} ${token(8)}`;
    const sockets = [
      listen(site, attacker.sessionToken),
      listen(browser(neighbour.app, nextAddress()), neighbour.sessionToken),
      listen({}, x.agent.agentToken),
      listen({}, y.agent.agentToken),
    ];
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const sent = await request(gw(), '/api/widget/messages', {
      body: { clientMessageId: `live-${token(8)}`, text },
      headers: browser(foreign.app, nextAddress(), foreign.sessionToken),
    });
    expect(sent.status).toBe(201);
    foreign.values.add(text);
    const [a, n, ax, ay] = await Promise.all(sockets);
    expect(ay!.frames.some((f) => JSON.stringify(f).includes(text))).toBe(true);
    const live = 'WS /ws live delivery';
    const silent = (name: string, outcome: Outcome, sees: Sees): Attempt => ({
      endpoint: live,
      name,
      sees,
      alsoSees: [x.agent.agentId],
      expect: 'ready',
      send: async () => outcome,
    });
    await run([
      silent('a user of another organization', a!, asUser(attacker)),
      silent('a user of another organization (second device)', n!, asUser(neighbour)),
      silent('an agent of another organization', ax!, asAgentOf(x)),
    ]);
  }, 120_000);

  it('public routes without a token (docs, widget script, dashboard, demo, health) hold no tenant data', async () => {
    const attempts: Attempt[] = [
      '/docs/openapi.json',
      '/widget.js',
      '/dashboard',
      '/demo',
      '/health',
    ].map((path) => ({
      endpoint: `GET ${path}`,
      name: 'no token',
      sees: nobody,
      expect: [200, 301, 404],
      send: () => http(gw(), 'GET', path, {}),
    }));
    await run(attempts);
  });

  it('S7: an identity key retired with a window verifies inside it, and neither its user_hash nor its JWT after', async () => {
    const identity = stack.identity;
    const app = signed(x);
    const added = await request(
      identity.url,
      `/internal/applications/${app.applicationId}/identity-keys`,
      { body: {} },
    );
    expect(added.status).toBe(201);
    const next = String(added.json?.secret);
    ledger.add('identity secret', next);
    const retiresAt = new Date(Date.now() + 8_000).toISOString();
    const retired = await request(
      identity.url,
      `/internal/applications/${app.applicationId}/identity-keys/${app.keyId}/retire`,
      { body: { retiresAt } },
    );
    expect(retired.status).toBe(200);
    await until('the rotation projected', async () => {
      const doc = await identity
        .db!.collection('applications')
        .findOne({ _id: app.applicationId as never });
      const keys = (doc?.identityKeys ?? {}) as Record<string, { retiresAt?: unknown }>;
      return Boolean(keys[String(added.json?.keyId)] && keys[app.keyId!]?.retiresAt);
    });
    const userId = `rotated-${token()}`;
    const withHash = (secret: string) =>
      http(gw(), 'POST', '/api/widget/init', browser(app, nextAddress()), {
        organizationDomain: app.domain,
        applicationId: Number(app.applicationId),
        applicationSecret: app.applicationSecret,
        user: { user_id: userId, user_hash: userHashOf(secret, userId) },
      });
    if (Date.now() < Date.parse(retiresAt) - 1_500) {
      expect((await withHash(app.identitySecret!)).status).toBe(200);
    }
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, Date.parse(retiresAt) - Date.now() + 500)),
    );
    const endpoint = 'POST /api/widget/init';
    await run([
      {
        endpoint,
        name: 'rotated-out key after its window: user_hash',
        sees: nobody,
        expect: 403,
        send: () => withHash(app.identitySecret!),
      },
      {
        endpoint,
        name: 'rotated-out key after its window: user_jwt',
        sees: nobody,
        expect: 403,
        send: async () =>
          http(gw(), 'POST', '/api/widget/init', browser(app, nextAddress()), {
            organizationDomain: app.domain,
            applicationId: Number(app.applicationId),
            applicationSecret: app.applicationSecret,
            user: {
              user_id: userId,
              user_jwt: await userJwt(userId, { secret: app.identitySecret!, expiresIn: 300 }),
            },
          }),
      },
    ]);
    expect((await withHash(next)).status).toBe(200);
  }, 60_000);

  it('brute force through the gateway: wrong hashes for a bound user are slowed (403 rate-limited, Retry-After) and recorded', async () => {
    const victim = userOf(open(x), 1);
    const attacker = '203.0.113.77';
    const guess = (hash: string) =>
      request(gw(), '/api/widget/init', {
        body: {
          organizationDomain: victim.app.domain,
          applicationId: Number(victim.app.applicationId),
          applicationSecret: victim.app.applicationSecret,
          user: { user_id: victim.userId, security_hash: hash },
        },
        headers: browser(victim.app, attacker),
      });
    const answers = [];
    const started = Date.now();
    for (let i = 0; i < 12; i++) answers.push(await guess(`guess-${i}-${token()}`));
    answers.push(await guess(victim.securityHash!));
    const firstLockout = Number(answers.at(-1)!.headers.get('retry-after'));
    await new Promise((resolve) => setTimeout(resolve, firstLockout * 1000 + 300));
    answers.push(await guess(`guess-late-${token()}`));
    answers.push(await guess(`guess-later-${token()}`));
    const secondLockout = Number(answers.at(-1)!.headers.get('retry-after'));
    const reasons = answers.map((a) => a.json?.reason);
    expect(answers.map((a) => a.status)).toEqual(Array(answers.length).fill(403));
    expect(reasons).toEqual([
      ...Array(5).fill('security-hash-mismatch'),
      ...Array(8).fill('rate-limited'),
      'security-hash-mismatch',
      'rate-limited',
    ]);
    expect(firstLockout).toBeGreaterThanOrEqual(1);
    expect(secondLockout).toBeGreaterThan(firstLockout);
    for (const answer of answers) {
      expect(leaksIn(answer.text, world.parties, nobody, [victim.userId])).toEqual([]);
    }
    const rejected = (await stack.identity.events()).filter(
      (e) => e.type === 'identity.authentication-rejected' && e.payload.clientAddress === attacker,
    );
    expect(rejected.map((e) => e.payload.reason)).toEqual([
      ...Array(5).fill('security-hash-mismatch'),
      'rate-limited',
      'security-hash-mismatch',
      'rate-limited',
    ]);
    expect(JSON.stringify(rejected)).not.toContain('guess-');
    console.info(
      `impersonation (gateway): brute force: ${answers.length} guesses at one bound security_hash from one address in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s: 6 checked, ${answers.length - 6} slowed ` +
        `(403 rate-limited, Retry-After ${firstLockout} s then ${secondLockout} s, passed through the gateway), ` +
        `${rejected.length} AuthenticationRejected recorded with the forwarded client address`,
    );
    tally.set('brute force (POST /api/widget/init)', { attempts: answers.length, leaks: 0 });
  }, 60_000);

  it('no victim was written to, and no service logged a secret of these attempts', async () => {
    for (const user of world.users.filter((u) => u.org === y)) {
      const page = await request(
        gw(),
        `/api/agent/applications/${user.app.applicationId}/contacts/${user.contactId}/messages`,
        {
          headers: { authorization: `Bearer ${y.agent.agentToken}` },
        },
      );
      const texts = (page.json?.messages as { text: string }[]).map((m) => m.text);
      expect(
        texts.some((t) => /not your customer|does this id exist|mine, not theirs/.test(t)),
      ).toBe(false);
      const contact = await request(
        gw(),
        `/api/agent/applications/${user.app.applicationId}/contacts/${user.contactId}`,
        {
          headers: { authorization: `Bearer ${y.agent.agentToken}` },
        },
      );
      expect(JSON.stringify(contact.json)).not.toContain('hijacked');
    }
    for (const party of world.parties) {
      if (party.kind === 'secret' || party.kind === 'agent')
        for (const v of party.values) ledger.add(party.kind, v);
    }
    for (const user of world.users) {
      for (const v of [user.securityHash, user.userHash, user.sessionToken, user.deviceToken])
        ledger.add('user credential', v);
    }
    for (const v of world.visitors) ledger.add('session token', v.sessionToken);
    ledger.add('IDENTITY_HASH_PEPPER', stack.secrets.pepper);
    ledger.add('IDENTITY_MASTER_KEY', stack.secrets.masterKey);
    for (const k of stack.secrets.sessionKeys) ledger.add('IDENTITY_SESSION_KEY secret', k.secret);
    ledger.addStoredHashes(await stack.identity.events());
    const logs = stack
      .all()
      .map((s) => s.logs())
      .join('\n');
    const leaks = ledger.scan(logs);
    console.info(
      `impersonation (gateway): log scan: ${ledger.size} secrets over ${logs.length} bytes of the four services' logs, ${leaks.length} leaks`,
    );
    expect(leaks).toEqual([]);
  });
});
