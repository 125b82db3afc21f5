import {
  registerApplication,
  registerOrganization,
  request,
  token,
  uniqueDomain,
  until,
  startPlatformStack,
  type Answer,
  type AppCredentials,
  type PlatformStack,
} from '@threadline/testing';
import { createHmac, randomInt } from 'node:crypto';
import { join } from 'node:path';

/** S7's `user_hash`: HMAC-SHA256 of the user_id under the application's identity secret, hex. */
export const userHashOf = (secret: string, userId: string) =>
  createHmac('sha256', secret).update(userId, 'utf8').digest('hex');

/** The payload of a `<kind>.<payload>.<signature>` token, decoded. */
export function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

export interface App extends AppCredentials {
  label: string;
  org: Org;
  origin: string;
  verification: 'none' | 'required';
}

export interface Org {
  label: string;
  domain: string;
  apps: App[];
  agent: Agent;
}

export interface Agent {
  email: string;
  name: string;
  password: string;
  agentId: string;
  agentToken: string;
}

/** A party whose data no one else may be answered with. */
export interface Party {
  label: string;
  kind: 'secret' | 'agent' | 'user' | 'visitor' | 'import';
  org: Org;
  /** Every value of the party that could appear in an answer: ids, profile, texts, tokens. */
  values: Set<string>;
}

export interface Message {
  messageId: string;
  clientMessageId: string;
  cursor: string;
  text: string;
}

export interface User extends Party {
  app: App;
  userId: string;
  profile: { email: string; name: string; phone: string; company: string };
  securityHash?: string;
  userHash?: string;
  sessionToken: string;
  deviceToken: string;
  sessionId: string;
  deviceId: string;
  contactId: string;
  messages: Message[];
}

export interface Visitor extends Party {
  app: App;
  sessionToken: string;
}

export interface Imported extends Party {
  app: App;
  importId: string;
  rows: { userId: string; email: string; name: string }[];
}

/** Headers of a browser on `app`'s site, behind a loopback proxy naming its address. */
export function browser(app: App, address: string, bearer?: string): Record<string, string> {
  return {
    origin: app.origin,
    'x-forwarded-for': address,
    ...(bearer !== undefined && { authorization: `Bearer ${bearer}` }),
  };
}

let addresses = 0;
/** A fresh client address per call, so identity's per-address limit never masks a reason. */
export const nextAddress = () =>
  `198.51.${100 + Math.floor(addresses / 250)}.${(addresses++ % 250) + 1}`;

function expectStatus(answer: Answer, status: number, what: string): Record<string, unknown> {
  if (answer.status !== status) {
    throw new Error(
      `${what}: expected ${status}, got ${answer.status} ${answer.text.slice(0, 400)}`,
    );
  }
  return answer.json ?? {};
}

/**
 * Two organizations, each with an open application (security_hash) and a signed one (user_hash,
 * S7), an agent, two users per application with a profile, custom data, messages and an agent's
 * reply, a visitor who filled in the pre-chat form, and a CSV import: something to leak.
 */
export class World {
  readonly orgs: Org[] = [];
  readonly users: User[] = [];
  readonly imports: Imported[] = [];
  readonly visitors: Visitor[] = [];
  /** Values of every party, for scans; app and identity secrets are parties of their own. */
  readonly parties: Party[] = [];

  private constructor(readonly stack: PlatformStack) {}

  /**
   * The four processes (see `startPlatformStack`), the gateway trusting loopback proxies so a test
   * can speak for many client addresses, and the world built on them.
   */
  static async start(): Promise<World> {
    const stack = await startPlatformStack({
      repoRoot: join(__dirname, '..', '..', '..', '..'),
      gatewayEnv: { GATEWAY_TRUST_PROXY: 'loopback', GATEWAY_WS_AUTH_TIMEOUT_MS: '3000' },
      bootTimeoutMs: 150_000,
    });
    const world = new World(stack);
    try {
      await world.build();
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return world;
  }

  private get gw() {
    return this.stack.gateway.url;
  }

  async build(): Promise<void> {
    for (const label of ['x', 'y']) this.orgs.push(await this.organization(label));
    for (const org of this.orgs) {
      for (const app of org.apps) {
        for (let i = 0; i < 2; i++) this.users.push(await this.user(app, `${org.label}${i}`));
        this.visitors.push(await this.visitor(app));
        if (app.verification === 'none') this.imports.push(await this.csvImport(app));
      }
    }
    for (const user of this.users) await this.converse(user);
    this.parties.push(...this.users, ...this.imports, ...this.visitors);
  }

  private async organization(label: string): Promise<Org> {
    const identity = this.stack.identity;
    const domain = uniqueDomain(`imp-gw-${label}`);
    await registerOrganization(identity, domain);
    const org = { label, domain, apps: [] as App[] } as unknown as Org;
    for (const verification of ['none', 'required'] as const) {
      const origin = `https://${label}-${verification}-${token(4)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, 'z')}.example`;
      const app = await registerApplication(identity, domain, verification, [origin]);
      org.apps.push({ ...app, label: `${label}-${verification}`, org, origin, verification });
      this.parties.push({
        label: `secrets of ${label}-${verification}`,
        kind: 'secret',
        org,
        values: new Set([app.applicationSecret, app.identitySecret].filter(isString)),
      });
    }
    const suffix = token(5)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'z');
    const password = `agent-password-${token(12)}`;
    const agent = {
      email: `agent-${suffix}@${domain}`,
      name: `Agent ${label} ${suffix}`,
      password,
    };
    expectStatus(
      await request(identity.url, '/internal/agents', { body: { domain, ...agent } }),
      201,
      `agent of ${domain}`,
    );
    const signIn = expectStatus(
      await request(this.gw, '/api/agent/sign-in', {
        body: { organizationDomain: domain, email: agent.email, password },
        headers: { 'x-forwarded-for': nextAddress() },
      }),
      200,
      `sign-in of ${agent.email}`,
    );
    const agentId = String((signIn.agent as { agentId: string }).agentId);
    org.agent = { ...agent, agentId, agentToken: String(signIn.agentToken) };
    this.parties.push({
      label: `agent of ${label}`,
      kind: 'agent',
      org,
      values: new Set([agent.email, agent.name, password, agentId, org.agent.agentToken]),
    });
    return org;
  }

  /** A widget init through the gateway, as the site's page would send it. */
  init(app: App, user: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) {
    return request(this.gw, '/api/widget/init', {
      body: {
        organizationDomain: app.domain,
        applicationId: Number(app.applicationId),
        applicationSecret: app.applicationSecret,
        ...(user && { user }),
        ...extra,
      },
      headers: browser(app, nextAddress()),
    });
  }

  private async user(app: App, label: string): Promise<User> {
    const suffix = token(6).replace(/[^A-Za-z0-9]/g, 'q');
    const userId = `victim-${label}-${suffix}`;
    const profile = {
      email: `person.${suffix.toLowerCase()}@customer-${label}.example`,
      name: `Person ${label} ${suffix}`,
      phone: `+1 555 ${randomInt(1_000_000, 9_999_999)}`,
      company: `Company ${label} ${suffix}`,
    };
    const proof =
      app.verification === 'none'
        ? { security_hash: `bound-${token(16)}` }
        : { user_hash: userHashOf(app.identitySecret!, userId) };
    const custom = `custom-${label}-${token(8)}`;
    const session = expectStatus(
      await this.init(app, {
        user_id: userId,
        ...profile,
        ...proof,
        custom_data: { plan: custom },
      }),
      200,
      `init of ${userId}`,
    );
    const sessionToken = String(session.sessionToken);
    const claims = payloadOf(sessionToken);
    const user: User = {
      label: `user ${userId}`,
      kind: 'user',
      org: app.org,
      app,
      userId,
      profile,
      ...('security_hash' in proof ? { securityHash: proof.security_hash } : {}),
      ...('user_hash' in proof ? { userHash: proof.user_hash } : {}),
      sessionToken,
      deviceToken: String(session.deviceToken),
      sessionId: String(claims.sid),
      deviceId: String(claims.dev),
      contactId: String(session.contactId),
      messages: [],
      values: new Set(),
    };
    for (const value of [
      userId,
      ...Object.values(profile),
      ...Object.values(proof),
      custom,
      user.sessionToken,
      user.deviceToken,
      user.sessionId,
      user.deviceId,
      user.contactId,
    ])
      user.values.add(value);
    return user;
  }

  private async visitor(app: App): Promise<Visitor> {
    const session = expectStatus(await this.init(app, undefined), 200, `visitor of ${app.label}`);
    const suffix = token(6)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'v');
    const form = { name: `Visitor ${suffix}`, email: `visitor.${suffix}@guest.example` };
    expectStatus(
      await request(this.gw, '/api/widget/pre-chat', {
        body: form,
        headers: browser(app, nextAddress(), String(session.sessionToken)),
      }),
      204,
      'pre-chat',
    );
    return {
      label: `visitor of ${app.label}`,
      kind: 'visitor',
      org: app.org,
      app,
      sessionToken: String(session.sessionToken),
      values: new Set([
        ...Object.values(form),
        String(session.sessionToken),
        String(session.deviceToken),
        String(session.contactId),
      ]),
    };
  }

  private async csvImport(app: App): Promise<Imported> {
    const rows = [0, 1, 2].map((i) => {
      const suffix = token(6)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, 'c');
      return {
        userId: `imported-${i}-${suffix}`,
        email: `imported.${suffix}@csv-${app.org.label}.example`,
        name: `Imported ${suffix}`,
      };
    });
    const csv = `user_id,email,name,tier\n${rows.map((r) => `${r.userId},${r.email},${r.name},gold-${r.userId}`).join('\n')}\n`;
    const started = expectStatus(
      await request(this.gw, `/api/agent/applications/${app.applicationId}/imports`, {
        raw: csv,
        headers: {
          authorization: `Bearer ${app.org.agent.agentToken}`,
          'content-type': 'text/csv',
        },
      }),
      202,
      `import into ${app.label}`,
    );
    const importId = String(started.importId);
    await until(
      `import ${importId} done`,
      async () =>
        (
          await request(
            this.gw,
            `/api/agent/applications/${app.applicationId}/imports/${importId}`,
            {
              headers: { authorization: `Bearer ${app.org.agent.agentToken}` },
            },
          )
        ).json?.state === 'done',
    );
    return {
      label: `import into ${app.label}`,
      kind: 'import',
      org: app.org,
      app,
      importId,
      rows,
      values: new Set([
        importId,
        ...rows.flatMap((r) => [r.userId, r.email, r.name, `gold-${r.userId}`]),
      ]),
    };
  }

  /** Two messages from the user's device and a reply from the organization's agent. */
  private async converse(user: User): Promise<void> {
    const { app } = user;
    for (let i = 0; i < 2; i++) {
      const clientMessageId = `client-${token(10)}`;
      const text = `secret words of ${user.userId} #${i} ${token(8)}`;
      const sent = expectStatus(
        await request(this.gw, '/api/widget/messages', {
          body: { clientMessageId, text },
          headers: browser(app, nextAddress(), user.sessionToken),
        }),
        201,
        'widget message',
      );
      const message = sent.message as Message;
      user.messages.push({ ...message, clientMessageId, text });
    }
    const reply = `reply to ${user.userId} ${token(8)}`;
    const answered = expectStatus(
      await request(
        this.gw,
        `/api/agent/applications/${app.applicationId}/contacts/${user.contactId}/messages`,
        {
          body: { clientMessageId: `agent-${token(10)}`, text: reply },
          headers: { authorization: `Bearer ${app.org.agent.agentToken}` },
        },
      ),
      201,
      'agent reply',
    );
    user.messages.push(answered.message as Message);
    for (const m of user.messages) {
      for (const value of [m.messageId, m.clientMessageId, m.cursor, m.text])
        user.values.add(value);
    }
    // The thread page reads the projection: wait until it shows the whole conversation.
    await until(`thread of ${user.userId}`, async () => {
      const page = await request(this.gw, '/api/widget/messages', {
        headers: browser(app, nextAddress(), user.sessionToken),
      });
      return (page.json?.messages as unknown[] | undefined)?.length === 3;
    });
  }
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
