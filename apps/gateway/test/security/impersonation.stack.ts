import { startServiceProcess, type ServiceProcess } from '@threadline/testing';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

const gatewayDir = join(__dirname, '..', '..');
const appsDir = join(gatewayDir, '..');
const buildCommand = 'npx turbo run build --filter=@threadline/gateway...';

/** The secrets identity runs with: the suites forge tokens with them and scan logs for them. */
export interface StackSecrets {
  masterKey: string;
  pepper: string;
  /** `IDENTITY_SESSION_KEY`, signing key first. */
  sessionKeys: { id: string; secret: string }[];
}

/** All four services as production runs them (`node dist/main.js`, NODE_ENV=production, trace logs). */
export interface ThreadlineStack {
  identity: ServiceProcess;
  contact: ServiceProcess;
  conversation: ServiceProcess;
  gateway: ServiceProcess;
  secrets: StackSecrets;
  all(): ServiceProcess[];
  stop(): Promise<void>;
}

function freshSecrets(): StackSecrets {
  const secret = () => randomBytes(24).toString('base64url');
  return {
    masterKey: randomBytes(32).toString('hex'),
    pepper: `pepper-${secret()}`,
    sessionKeys: [
      { id: 's2', secret: `session-${secret()}` },
      { id: 's1', secret: `session-${secret()}` },
    ],
  };
}

/**
 * Identity, contact and conversation on databases and consumer groups of their own, sharing this
 * test file's topic namespace, then the gateway in front of them. `gatewayEnv` sets its limits;
 * by default it trusts loopback proxies, so a test can speak for many client addresses.
 */
export async function startThreadline(
  gatewayEnv: NodeJS.ProcessEnv = {},
): Promise<ThreadlineStack> {
  const secrets = freshSecrets();
  const start = (service: string, env: NodeJS.ProcessEnv = {}, store = true) =>
    startServiceProcess({
      service,
      packageDir: join(appsDir, service),
      buildCommand,
      env,
      store,
      bootTimeoutMs: 150_000,
    });
  const started: ServiceProcess[] = [];
  const stopAll = () => Promise.all(started.map((s) => s.stop())).then(() => undefined);
  try {
    const [identity, contact, conversation] = await Promise.all([
      start('identity', {
        IDENTITY_MASTER_KEY: secrets.masterKey,
        IDENTITY_HASH_PEPPER: secrets.pepper,
        IDENTITY_SESSION_KEY: secrets.sessionKeys.map((k) => `${k.id}:${k.secret}`).join(','),
      }).then((s) => (started.push(s), s)),
      start('contact').then((s) => (started.push(s), s)),
      start('conversation').then((s) => (started.push(s), s)),
    ]);
    const gateway = await start(
      'gateway',
      {
        IDENTITY_URL: identity.url,
        CONTACT_URL: contact.url,
        CONVERSATION_URL: conversation.url,
        GATEWAY_TRUST_PROXY: 'loopback',
        GATEWAY_RATE_LIMIT_PER_ADDRESS: '100000',
        GATEWAY_RATE_LIMIT_PER_TOKEN: '100000',
        GATEWAY_WS_AUTH_TIMEOUT_MS: '3000',
        ...gatewayEnv,
      },
      false,
    );
    started.push(gateway);
    return {
      identity,
      contact,
      conversation,
      gateway,
      secrets,
      all: () => [identity, contact, conversation, gateway],
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
