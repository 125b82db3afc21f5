import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AdminApiError, IdentityAdminClient } from '@threadline/admin-client';
import { ensureDir, infraPaths } from '../paths';

export const DEMO_DOMAIN = 'demo.threadline.local';

export interface DemoCredentials {
  domain: string;
  applicationId: string;
  applicationSecret: string;
  agent?: { email: string; password: string };
}

/** Secrets are shown only at creation, so `npm start` keeps the demo's here (git-ignored). */
export const demoCredentialsFile = join(infraPaths.home, 'demo-credentials.json');

function readSaved(): DemoCredentials | null {
  if (!existsSync(demoCredentialsFile)) return null;
  try {
    const saved = JSON.parse(readFileSync(demoCredentialsFile, 'utf8')) as DemoCredentials;
    return saved.domain === DEMO_DOMAIN && saved.applicationId && saved.applicationSecret
      ? saved
      : null;
  } catch {
    return null;
  }
}

function isConflict(error: unknown): boolean {
  return error instanceof AdminApiError && error.status === 409;
}

/**
 * Makes sure the demo organization, application and agent exist, through the identity service's
 * internal API: the first run creates them; later runs find them from the saved credentials. When
 * the file is gone but the organization exists, a new application (and agent) is created.
 */
export async function ensureDemoTenant(
  identityUrl: string,
  gatewayUrl: string,
): Promise<DemoCredentials> {
  const client = new IdentityAdminClient(identityUrl);
  try {
    await client.registerOrganization({ domain: DEMO_DOMAIN, name: 'Threadline demo' });
  } catch (error) {
    if (!isConflict(error)) throw error;
  }
  let credentials = readSaved();
  if (credentials) {
    try {
      await client.getApplication(credentials.applicationId, DEMO_DOMAIN);
    } catch (error) {
      if (!(error instanceof AdminApiError && error.status === 404)) throw error;
      credentials = null;
    }
  }
  if (!credentials) {
    const app = await client.registerApplication({
      domain: DEMO_DOMAIN,
      name: 'Demo site',
      allowedOrigins: [gatewayUrl, 'http://localhost:3000'],
    });
    credentials = {
      domain: DEMO_DOMAIN,
      applicationId: app.applicationId,
      applicationSecret: app.applicationSecret,
    };
  }
  if (!credentials.agent) {
    // A lost file leaves the old agent's password unknown: a fresh agent gets a new address.
    for (const email of [
      'agent@demo.threadline.local',
      `agent-${Date.now().toString(36)}@demo.threadline.local`,
    ]) {
      try {
        const agent = await client.createAgent({ domain: DEMO_DOMAIN, email, name: 'Demo Agent' });
        credentials.agent = { email: agent.email, password: agent.password ?? '' };
        break;
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }
  }
  ensureDir(infraPaths.home);
  writeFileSync(demoCredentialsFile, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}
