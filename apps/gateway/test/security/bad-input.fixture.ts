import { request, startPlatformStack, uniqueName, type PlatformStack } from '@threadline/testing';
import { join } from 'node:path';

export const SHOP_ORIGIN = 'https://shop.example';

/** One organization with an application, an agent, a signed-in user, a visitor, and a message. */
export interface FuzzTenant {
  domain: string;
  applicationId: string;
  applicationSecret: string;
  agent: { email: string; password: string };
  agentToken: string;
  /** A widget user's session, its contact, and a second session of its own for logout. */
  userToken: string;
  logoutToken: string;
  userContactId: string;
  /** An anonymous visitor's session (pre-chat). */
  visitorToken: string;
  messageId: string;
  cursor: string;
  /** The valid widget init body. */
  init: Record<string, unknown>;
}

async function ok(
  url: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const answer = await request(url, path, { body, headers });
  if (answer.status >= 300) throw new Error(`${path}: ${answer.status} ${answer.text}`);
  return answer.json ?? {};
}

/** The four services as processes; the gateway's limits as production has them. */
export function startGatewayStack(): Promise<PlatformStack> {
  return startPlatformStack({ repoRoot: join(__dirname, '..', '..', '..', '..') });
}

export async function fuzzTenant(stack: PlatformStack): Promise<FuzzTenant> {
  const identity = stack.identity.url;
  const gateway = stack.gateway.url;
  const domain = `${uniqueName('fuzz')}.example`;
  await ok(identity, '/internal/organizations', { domain, name: 'Fuzz' });
  const app = await ok(identity, '/internal/applications', {
    domain,
    name: 'Fuzz site',
    allowedOrigins: [SHOP_ORIGIN],
    identityVerification: 'none',
  });
  const agent = { email: `agent@${domain}`, password: 'agent password long enough' };
  await ok(identity, '/internal/agents', { domain, name: 'Agent', ...agent });
  const applicationId = String(app.applicationId);
  const applicationSecret = String(app.applicationSecret);
  const init = {
    organizationDomain: domain,
    applicationId,
    applicationSecret,
    user: { user_id: `fuzz-user-${uniqueName('u')}`, name: 'Fuzz User', email: 'f@fuzz.example' },
  };
  const origin = { origin: SHOP_ORIGIN };
  // Identity's applications projection learns the new application within moments.
  const deadline = Date.now() + 90_000;
  let user: Record<string, unknown> | undefined;
  while (!user) {
    const answer = await request(gateway, '/api/widget/init', { body: init, headers: origin });
    if (answer.status === 200) user = answer.json;
    else if (Date.now() > deadline) throw new Error(`widget init: ${answer.status} ${answer.text}`);
    else await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const second = await ok(gateway, '/api/widget/init', init, origin);
  const visitor = await ok(
    gateway,
    '/api/widget/init',
    { organizationDomain: domain, applicationId, applicationSecret },
    origin,
  );
  const signedIn = await ok(gateway, '/api/agent/sign-in', {
    organizationDomain: domain,
    ...agent,
  });
  const userToken = String(user.sessionToken);
  const sent = await ok(
    gateway,
    '/api/widget/messages',
    { clientMessageId: `fuzz-${uniqueName('m')}`.slice(0, 60), text: 'Hello from the fuzzer' },
    { ...origin, authorization: `Bearer ${userToken}` },
  );
  const message = sent.message as { messageId: string; cursor: string };
  await stack.settle();
  return {
    domain,
    applicationId,
    applicationSecret,
    agent,
    agentToken: String(signedIn.agentToken),
    userToken,
    logoutToken: String(second.sessionToken),
    userContactId: String(user.contactId),
    visitorToken: String(visitor.sessionToken),
    messageId: message.messageId,
    cursor: message.cursor,
    init,
  };
}
