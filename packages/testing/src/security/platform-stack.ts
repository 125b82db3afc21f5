import { join } from 'node:path';
import { request } from './http-client';
import { freshIdentitySecrets, identityEnv, type IdentitySecrets } from './identity-secrets';
import { startServiceProcess, type ServiceProcess } from './service-process';

/**
 * Identity, contact and conversation behind a gateway, each as production runs it (`node
 * dist/main.js`, see `startServiceProcess`) on a database and consumer groups of its own, sharing
 * the test file's topic namespace.
 */
export interface PlatformStack {
  identity: ServiceProcess;
  contact: ServiceProcess;
  conversation: ServiceProcess;
  gateway: ServiceProcess;
  secrets: IdentitySecrets;
  all(): ServiceProcess[];
  /** Commits in the three event stores together. */
  commits(): Promise<number>;
  /** Waits until no store gets a new commit for `quietMs` (a reactor's writes have landed). */
  settle(quietMs?: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface PlatformStackOptions {
  /** The repository root, for the services' package directories. */
  repoRoot: string;
  /** More gateway environment (limits, proxies); rate limits are raised by default. */
  gatewayEnv?: NodeJS.ProcessEnv;
  /** Per process (default `startServiceProcess`'s). */
  bootTimeoutMs?: number;
}

export async function startPlatformStack(options: PlatformStackOptions): Promise<PlatformStack> {
  const secrets = freshIdentitySecrets();
  const start = (service: string, env: NodeJS.ProcessEnv = {}, store = true) =>
    startServiceProcess({
      service,
      packageDir: join(options.repoRoot, 'apps', service),
      buildCommand: 'npx turbo run build --filter=@threadline/gateway...',
      env,
      store,
      ...(options.bootTimeoutMs !== undefined && { bootTimeoutMs: options.bootTimeoutMs }),
    });
  // Every boot is awaited before a failure is thrown, so none is left running.
  const booted = await Promise.allSettled([
    start('identity', identityEnv(secrets)),
    start('contact'),
    start('conversation'),
  ]);
  const upstreams = booted.flatMap((b) => (b.status === 'fulfilled' ? [b.value] : []));
  const stopUpstreams = () => Promise.all(upstreams.map((s) => s.stop()));
  const failed = booted.find((b): b is PromiseRejectedResult => b.status === 'rejected');
  if (failed) {
    await stopUpstreams();
    throw failed.reason;
  }
  const [identity, contact, conversation] = upstreams as [
    ServiceProcess,
    ServiceProcess,
    ServiceProcess,
  ];
  const gateway = await start(
    'gateway',
    {
      IDENTITY_URL: identity.url,
      CONTACT_URL: contact.url,
      CONVERSATION_URL: conversation.url,
      GATEWAY_RATE_LIMIT_PER_ADDRESS: '100000000',
      GATEWAY_RATE_LIMIT_PER_TOKEN: '100000000',
      ...options.gatewayEnv,
    },
    false,
  ).catch(async (error: unknown) => {
    await stopUpstreams();
    throw error;
  });
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
      await stopUpstreams();
    },
  };
}

/** Whether every process still runs and the gateway answers `/health` (so do its upstreams). */
export async function platformHealthy(stack: PlatformStack): Promise<boolean> {
  if (stack.all().some((s) => s.exitCode() !== null)) return false;
  return (await request(stack.gateway.url, '/health')).status === 200;
}
