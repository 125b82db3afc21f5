import { randomBytes } from 'node:crypto';
import { IdentityAdminClient } from '@threadline/admin-client';
import { call, SITE_ORIGIN } from './gateway-api';

export interface Tenant {
  organizationDomain: string;
  applicationId: string;
  applicationSecret: string;
  agentToken: string;
}

/**
 * An organization, an application allowing the test's site and an agent, made through the
 * identity service's admin API; resolves once widget init and agent sign-in work at the gateway
 * (both read identity's projections, which follow the registration through Kafka).
 */
export async function createTenant(identityUrl: string, gatewayUrl: string): Promise<Tenant> {
  const admin = new IdentityAdminClient(identityUrl);
  const organizationDomain = `faults-${randomBytes(4).toString('hex')}.example`;
  await admin.registerOrganization({ domain: organizationDomain, name: 'Faults Ltd' });
  const app = await admin.registerApplication({
    domain: organizationDomain,
    name: 'Faults site',
    allowedOrigins: [SITE_ORIGIN],
  });
  const agent = { email: `agent@${organizationDomain}`, password: 'a long agent password 42' };
  await admin.createAgent({ domain: organizationDomain, name: 'Agent', ...agent });

  const deadline = Date.now() + 120_000;
  for (;;) {
    const [init, signIn] = await Promise.all([
      call(`${gatewayUrl}/api/widget/init`, {
        body: {
          organizationDomain,
          applicationId: app.applicationId,
          applicationSecret: app.applicationSecret,
        },
        origin: SITE_ORIGIN,
      }),
      call(`${gatewayUrl}/api/agent/sign-in`, { body: { organizationDomain, ...agent } }),
    ]);
    if (init.status === 200 && signIn.status === 200) {
      return {
        organizationDomain,
        applicationId: app.applicationId,
        applicationSecret: app.applicationSecret,
        agentToken: (signIn.body as { agentToken: string }).agentToken,
      };
    }
    if (Date.now() > deadline)
      throw new Error(
        `tenant not usable: init ${init.status} ${JSON.stringify(init.body)}, sign-in ${signIn.status} ${JSON.stringify(signIn.body)}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
