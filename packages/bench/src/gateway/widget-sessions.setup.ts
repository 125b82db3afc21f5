import { randomBytes } from 'node:crypto';
import { IdentityAdminClient } from '@threadline/admin-client';

export interface BenchTenant {
  organizationDomain: string;
  applicationId: string;
  applicationSecret: string;
}

/** A fresh organization and application on identity, for this run only. */
export async function registerTenant(identityUrl: string, runId: string): Promise<BenchTenant> {
  const admin = new IdentityAdminClient(identityUrl);
  const organizationDomain = `bench-gw-${runId}.example`;
  await admin.registerOrganization({ domain: organizationDomain, name: 'Bench gateway' });
  const application = await admin.registerApplication({
    domain: organizationDomain,
    name: 'Bench gateway site',
    allowedOrigins: ['https://bench.example'],
  });
  return {
    organizationDomain,
    applicationId: application.applicationId,
    applicationSecret: application.applicationSecret,
  };
}

/** One device of a user: a new device token each init, so each is a device of its own. */
export interface DeviceRequest {
  userId: string;
  securityHash: string;
}

/** `count` devices of `userId`, all with one bound security hash (S6). */
export function devicesOf(userId: string, count: number, securityHash?: string): DeviceRequest[] {
  const hash = securityHash ?? randomBytes(24).toString('hex');
  return Array.from({ length: count }, () => ({ userId, securityHash: hash }));
}

async function initOnce(gatewayUrl: string, tenant: BenchTenant, device: DeviceRequest) {
  const response = await fetch(`${gatewayUrl}/api/widget/init`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      organizationDomain: tenant.organizationDomain,
      applicationId: tenant.applicationId,
      applicationSecret: tenant.applicationSecret,
      user: { user_id: device.userId, security_hash: device.securityHash },
    }),
  });
  const body = (await response.json()) as { sessionToken?: string };
  return { status: response.status, body };
}

/**
 * Widget sessions through the gateway's `POST /api/widget/init`, in order. Identity learns the
 * application through its own projection: the first init is retried on 401 for up to a minute.
 * A user's devices init one after another (the first binds the hash), users `concurrency` at once.
 */
export async function initWidgetSessions(
  gatewayUrl: string,
  tenant: BenchTenant,
  users: DeviceRequest[][],
  concurrency = 8,
): Promise<string[][]> {
  const deadline = Date.now() + 60_000;
  const [probe] = devicesOf('bench-gw-probe', 1) as [DeviceRequest];
  let first = await initOnce(gatewayUrl, tenant, probe);
  while (first.status === 401 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    first = await initOnce(gatewayUrl, tenant, probe);
  }
  if (first.status !== 200) {
    throw new Error(`widget init: HTTP ${first.status} ${JSON.stringify(first.body)}`);
  }
  const tokens: string[][] = users.map(() => []);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, users.length) }, async () => {
      for (let u = next++; u < users.length; u = next++) {
        for (const device of users[u]!) {
          const answer = await initOnce(gatewayUrl, tenant, device);
          if (answer.status !== 200 || !answer.body.sessionToken) {
            throw new Error(
              `widget init of ${device.userId}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`,
            );
          }
          tokens[u]!.push(answer.body.sessionToken);
        }
      }
    }),
  );
  return tokens;
}
