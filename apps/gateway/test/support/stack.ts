/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the tests */
import { ContactModule, loadContactConfig } from '@threadline/contact';
import { ConversationModule, loadConversationConfig } from '@threadline/conversation';
import { IdentityModule, loadIdentityConfig } from '@threadline/identity';
import {
  endpointsFromEnv,
  serviceTestEnv,
  startNestApp,
  type RunningApp,
} from '@threadline/testing';
import { contactIdOf } from '@threadline/contracts';
import { randomInt } from 'node:crypto';
import { startGateway } from '../../src/gateway-app';
import { loadGatewayConfig } from '../../src/infrastructure/config/gateway.config';

export interface JsonAnswer {
  status: number;
  headers: Headers;
  body: any;
}

/** A JSON call with the headers a browser or the dashboard would send. */
export async function call(
  url: string,
  options: {
    method?: string;
    body?: unknown;
    token?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<JsonAnswer> {
  const response = await fetch(url, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(options.body !== undefined && { 'content-type': 'application/json' }),
      ...(options.token !== undefined && { authorization: `Bearer ${options.token}` }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (HTML, JS): the text is the body.
  }
  return { status: response.status, headers: response.headers, body };
}

export async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface Tenant {
  domain: string;
  applicationId: string;
  applicationSecret: string;
  agent: { email: string; password: string };
}

export const SHOP_ORIGIN = 'https://shop.example';

/** The three services behind the gateway, on loopback, each with its own database and groups. */
export class Services {
  identity!: RunningApp;
  contact!: RunningApp;
  conversation!: RunningApp;

  async start(): Promise<void> {
    [this.identity, this.contact, this.conversation] = await Promise.all([
      startNestApp(
        IdentityModule.forRoot(
          loadIdentityConfig({
            ...serviceTestEnv('identity'),
            IDENTITY_SESSION_KEY: `gw-it:${'k'.repeat(40)}`,
          }),
        ),
      ),
      startNestApp(ContactModule.forRoot(loadContactConfig(serviceTestEnv('contact')))),
      startNestApp(
        ConversationModule.forRoot(loadConversationConfig(serviceTestEnv('conversation'))),
      ),
    ]);
  }

  /**
   * A fresh conversation instance first replays conversation.events into its projections: one
   * probe message, waited for, tells when pages show new messages within moments.
   */
  async conversationCaughtUp(applicationId: string): Promise<void> {
    const contactId = contactIdOf(applicationId, {
      kind: 'visitor',
      visitorId: `probe-${randomInt(1e9)}`,
    });
    const sent = await call(`${this.conversation.url}/internal/threads/messages`, {
      body: {
        applicationId,
        contactId,
        clientMessageId: `probe-${randomInt(1e9)}`,
        author: { kind: 'agent', agentId: 'probe' },
        text: 'probe',
      },
    });
    if (sent.status !== 201)
      throw new Error(`probe message: ${sent.status} ${JSON.stringify(sent.body)}`);
    await waitFor(
      async () => {
        const page = await call(
          `${this.conversation.url}/internal/threads/${applicationId}/${contactId}/messages`,
        );
        return page.body?.messages?.length === 1 ? true : undefined;
      },
      'the conversation projection to catch up',
      180_000,
    );
  }

  async stop(): Promise<void> {
    await Promise.all([this.identity, this.contact, this.conversation].map((app) => app?.close()));
  }

  /** An organization with one application (allowing `SHOP_ORIGIN`) and one agent. */
  async tenant(label: string): Promise<Tenant> {
    const domain = `${label}-${Date.now().toString(36)}-${randomInt(1e6)}.example`;
    const admin = (path: string, body: unknown) =>
      call(`${this.identity.url}${path}`, { body }).then((answer) => {
        if (answer.status !== 201)
          throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
        return answer.body;
      });
    await admin('/internal/organizations', { domain, name: label });
    const app = await admin('/internal/applications', {
      domain,
      name: `${label} site`,
      allowedOrigins: [SHOP_ORIGIN],
    });
    const agent = { email: `agent@${domain}`, password: 'agent password long enough' };
    await admin('/internal/agents', { domain, name: 'Agent', ...agent });
    // Widget auth reads the applications projection: wait until it knows the new application.
    await waitFor(
      async () => {
        const init = await call(`${this.identity.url}/internal/widget/auth`, {
          body: {
            organizationDomain: domain,
            applicationId: app.applicationId,
            applicationSecret: app.applicationSecret,
          },
        });
        return init.status === 200 ? true : undefined;
        // A fresh identity instance replays identity.events from the start first: allow for it.
      },
      'the application in the applications projection',
      180_000,
    );
    return {
      domain,
      applicationId: app.applicationId,
      applicationSecret: app.applicationSecret,
      agent,
    };
  }

  /** A gateway process in front of these services; `env` raises or lowers its limits. */
  gateway(env: Record<string, string> = {}) {
    return startGateway(
      loadGatewayConfig({
        PORT: '0',
        KAFKA_BROKERS: endpointsFromEnv().kafkaBrokers,
        LOG_LEVEL: 'silent',
        IDENTITY_URL: this.identity.url,
        CONTACT_URL: this.contact.url,
        CONVERSATION_URL: this.conversation.url,
        GATEWAY_RATE_LIMIT_PER_ADDRESS: '100000',
        GATEWAY_RATE_LIMIT_PER_TOKEN: '100000',
        ...env,
      }),
    );
  }
}
