import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdentityAdminClient } from '@threadline/admin-client';
import { createConnection } from 'mongoose';
import { ContactModule, loadContactConfig } from '@threadline/contact';
import { ConversationModule, loadConversationConfig } from '@threadline/conversation';
import {
  createGatewayApp,
  loadGatewayConfig,
  startGateway,
  type GatewayConfig,
} from '@threadline/gateway';
import { IdentityModule, loadIdentityConfig } from '@threadline/identity';
import {
  endpointsFromEnv,
  serviceTestEnv,
  startNestApp,
  uniqueName,
  type RunningApp,
} from '@threadline/testing';
import { HostSite, hostPageHtml } from './host-site';

export interface Tenant {
  organizationDomain: string;
  applicationId: string;
  applicationSecret: string;
  agent: { email: string; password: string; name: string };
}

export interface RunningSystem {
  gatewayUrl: string;
  site: HostSite;
  tenant: Tenant;
  /** Serves the loader and the seed's init snippet for `user` on the business site. */
  hostPage(name: string, user?: Record<string, string>): string;
  close(): Promise<void>;
}

/**
 * The whole system on loopback: identity, contact, conversation and the gateway, each with a
 * database and consumer groups of its own on the shared Kafka and store; a fresh organization,
 * application and agent; and a business site on another origin that embeds the widget.
 */
/** `E2E_LOG_LEVEL=info` shows the services' logs, for when a spec fails for a reason of theirs. */
const logLevel = process.env.E2E_LOG_LEVEL;

/** Each spec file's services share the file's topic namespace (see `serviceTestEnv`). */
function serviceEnv(service: string): NodeJS.ProcessEnv {
  return { ...serviceTestEnv(service), ...(logLevel ? { LOG_LEVEL: logLevel } : {}) };
}

/**
 * Widget init reads identity's applications projection, which follows the registration through
 * Kafka: tests start once the new application is in it, as identity's own specs do.
 */
async function applicationProjected(
  identityEnv: NodeJS.ProcessEnv,
  applicationId: string,
): Promise<void> {
  const connection = await createConnection(identityEnv.MONGODB_URI!, {
    dbName: identityEnv.MONGODB_DATABASE,
    retryWrites: false,
  }).asPromise();
  try {
    const deadline = Date.now() + 60_000;
    while (
      !(await connection.db!.collection('applications').findOne({ _id: applicationId as never }))
    ) {
      if (Date.now() > deadline)
        throw new Error(`application ${applicationId} was never projected`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await connection.close();
  }
}

async function bootGateway(
  config: GatewayConfig,
): Promise<{ url: string; close(): Promise<void> }> {
  if (!logLevel) return startGateway(config);
  const app = await createGatewayApp(config);
  await app.listen(0, '127.0.0.1');
  return { url: (await app.getUrl()).replace('[::1]', '127.0.0.1'), close: () => app.close() };
}

export async function startSystem(): Promise<RunningSystem> {
  const started: { close(): Promise<void> }[] = [];
  const workDir = mkdtempSync(join(tmpdir(), 'threadline-e2e-'));
  try {
    const identityEnv = serviceEnv('identity');
    const [identity, contact, conversation]: RunningApp[] = await Promise.all([
      startNestApp(IdentityModule.forRoot(loadIdentityConfig(identityEnv))),
      startNestApp(ContactModule.forRoot(loadContactConfig(serviceEnv('contact')))),
      startNestApp(ConversationModule.forRoot(loadConversationConfig(serviceEnv('conversation')))),
    ]);
    started.push(identity!, contact!, conversation!);
    const site = await HostSite.start();
    started.push(site);

    const admin = new IdentityAdminClient(identity!.url);
    const organizationDomain = `${uniqueName('e2e')}.example`.toLowerCase();
    await admin.registerOrganization({
      domain: organizationDomain,
      name: 'Greenleaf Garden Supplies',
    });
    const application = await admin.registerApplication({
      domain: organizationDomain,
      name: 'Greenleaf web',
      allowedOrigins: [site.origin],
    });
    const agent = {
      email: 'ann.agent@greenleaf.example',
      password: 'correct horse battery',
      name: 'Ann Agent',
    };
    await admin.createAgent({ domain: organizationDomain, ...agent });
    await applicationProjected(identityEnv, application.applicationId);
    const tenant: Tenant = {
      organizationDomain,
      applicationId: application.applicationId,
      applicationSecret: application.applicationSecret,
      agent,
    };

    // `/demo` shows this test's application, as `npm start` points it at the demo one.
    const demoCredentials = join(workDir, 'demo-credentials.json');
    writeFileSync(
      demoCredentials,
      JSON.stringify({
        domain: organizationDomain,
        applicationId: tenant.applicationId,
        applicationSecret: tenant.applicationSecret,
      }),
    );
    const gateway = await bootGateway(
      loadGatewayConfig({
        PORT: '0',
        KAFKA_BROKERS: endpointsFromEnv().kafkaBrokers,
        TOPIC_NAMESPACE: identityEnv.TOPIC_NAMESPACE,
        LOG_LEVEL: logLevel ?? 'silent',
        IDENTITY_URL: identity!.url,
        CONTACT_URL: contact!.url,
        CONVERSATION_URL: conversation!.url,
        GATEWAY_INSTANCE_ID: uniqueName('e2e-gateway'),
        DEMO_CREDENTIALS_FILE: demoCredentials,
      }),
    );
    started.push(gateway);

    return {
      gatewayUrl: gateway.url,
      site,
      tenant,
      hostPage: (name, user) =>
        site.page(
          name,
          hostPageHtml({
            gatewayUrl: gateway.url,
            organizationDomain,
            applicationId: tenant.applicationId,
            applicationSecret: tenant.applicationSecret,
            user,
          }),
        ),
      close: async () => {
        await closeAll(started);
        rmSync(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await closeAll(started);
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}

async function closeAll(started: { close(): Promise<void> }[]): Promise<void> {
  // The gateway first: it calls the others.
  for (const part of [...started].reverse()) await part.close().catch(() => undefined);
}
