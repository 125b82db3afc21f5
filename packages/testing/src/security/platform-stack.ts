import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { request } from './http-client';
import { startServiceProcess, type ServiceProcess } from './service-process';

/** The secrets identity runs with: tests sign with them and scan logs for them. */
export interface PlatformSecrets {
  masterKey: string;
  pepper: string;
  sessionKey: { id: string; secret: string };
}

/**
 * Identity, contact and conversation behind a gateway, each as production runs it (`node
 * dist/main.js`, see `startServiceProcess`), sharing the test file's topic namespace.
 */
export interface PlatformStack {
  identity: ServiceProcess;
  contact: ServiceProcess;
  conversation: ServiceProcess;
  gateway: ServiceProcess;
  secrets: PlatformSecrets;
  all(): ServiceProcess[];
  /** Commits in the three event stores together. */
  commits(): Promise<number>;
  /** Waits until no store gets a new commit for `quietMs` (a reactor's writes have landed). */
  settle(quietMs?: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** The repository root, for the services' package directories. */
export interface PlatformStackOptions {
  repoRoot: string;
  /** More gateway environment (limits); rate limits are raised by default. */
  gatewayEnv?: NodeJS.ProcessEnv;
}

export async function startPlatformStack(options: PlatformStackOptions): Promise<PlatformStack> {
  const secret = () => randomBytes(24).toString('base64url');
  const secrets: PlatformSecrets = {
    masterKey: randomBytes(32).toString('hex'),
    pepper: `pepper-${secret()}`,
    sessionKey: { id: 'k1', secret: `session-${secret()}` },
  };
  const app = (name: string) => join(options.repoRoot, 'apps', name);
  const build = 'npx turbo run build --filter=@threadline/gateway...';
  const [identity, contact, conversation] = await Promise.all([
    startServiceProcess({
      service: 'identity',
      packageDir: app('identity'),
      buildCommand: build,
      env: {
        IDENTITY_MASTER_KEY: secrets.masterKey,
        IDENTITY_HASH_PEPPER: secrets.pepper,
        IDENTITY_SESSION_KEY: `${secrets.sessionKey.id}:${secrets.sessionKey.secret}`,
      },
    }),
    startServiceProcess({ service: 'contact', packageDir: app('contact'), buildCommand: build }),
    startServiceProcess({
      service: 'conversation',
      packageDir: app('conversation'),
      buildCommand: build,
    }),
  ]);
  const upstreams = [identity, contact, conversation];
  let gateway: ServiceProcess;
  try {
    gateway = await startServiceProcess({
      service: 'gateway',
      packageDir: app('gateway'),
      buildCommand: build,
      store: false,
      env: {
        IDENTITY_URL: identity.url,
        CONTACT_URL: contact.url,
        CONVERSATION_URL: conversation.url,
        GATEWAY_RATE_LIMIT_PER_ADDRESS: '100000000',
        GATEWAY_RATE_LIMIT_PER_TOKEN: '100000000',
        ...options.gatewayEnv,
      },
    });
  } catch (error) {
    await Promise.all(upstreams.map((s) => s.stop()));
    throw error;
  }
  const commits = async () =>
    (await Promise.all(upstreams.map((s) => s.commits()))).reduce((a, b) => a + b, 0);
  return {
    identity,
    contact,
    conversation,
    gateway,
    secrets,
    all: () => [...upstreams, gateway],
    commits,
    async settle(quietMs = 600, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      let last = await commits();
      let quietSince = Date.now();
      while (Date.now() - quietSince < quietMs && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        const now = await commits();
        if (now !== last) {
          last = now;
          quietSince = Date.now();
        }
      }
    },
    async stop() {
      await gateway.stop();
      await Promise.all(upstreams.map((s) => s.stop()));
    },
  };
}

/** Whether every process still runs and the gateway answers `/health` (so do its upstreams). */
export async function platformHealthy(stack: PlatformStack): Promise<boolean> {
  if (stack.all().some((s) => s.exitCode() !== null)) return false;
  return (await request(stack.gateway.url, '/health')).status === 200;
}
