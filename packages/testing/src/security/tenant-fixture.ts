import type { mongo } from 'mongoose';
import { randomBytes } from 'node:crypto';
import { request, type Answer } from './http-client';

/** The identity service as these helpers need it: its URL and (to wait on projections) its store. */
export interface IdentityEndpoint {
  url: string;
  db: mongo.Db | undefined;
}

export interface AppCredentials {
  domain: string;
  applicationId: string;
  applicationSecret: string;
  /** Guarded applications (identityVerification: required) only. */
  keyId?: string;
  identitySecret?: string;
}

export const token = (bytes = 12) => randomBytes(bytes).toString('base64url');

/** A domain no other run has: projections share the identity topic across test runs. */
export function uniqueDomain(label: string): string {
  return `${label}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}.example`;
}

function expectStatus(answer: Answer, status: number, what: string): Record<string, unknown> {
  if (answer.status !== status || !answer.json) {
    throw new Error(
      `${what}: expected ${status}, got ${answer.status} ${answer.text.slice(0, 500)}`,
    );
  }
  return answer.json;
}

export async function registerOrganization(
  identity: IdentityEndpoint,
  domain: string,
): Promise<void> {
  expectStatus(
    await request(identity.url, '/internal/organizations', {
      body: { domain, name: `Org ${domain}` },
    }),
    201,
    `organization ${domain}`,
  );
}

/** Registers an application and waits until widget auth can see it (its projection caught up). */
export async function registerApplication(
  identity: IdentityEndpoint,
  domain: string,
  identityVerification: 'none' | 'required' = 'none',
  allowedOrigins: string[] = ['https://site.example'],
): Promise<AppCredentials> {
  const created = expectStatus(
    await request(identity.url, '/internal/applications', {
      body: {
        domain,
        name: `App of ${domain}`,
        allowedOrigins,
        identityVerification,
      },
    }),
    201,
    `application of ${domain}`,
  );
  const key = created.identityKey as { keyId: string; secret: string } | undefined;
  const app: AppCredentials = {
    domain,
    applicationId: String(created.applicationId),
    applicationSecret: String(created.applicationSecret),
    ...(key && { keyId: key.keyId, identitySecret: key.secret }),
  };
  // Widget auth reads the applications projection (GET reads the event store), and a fresh
  // instance projects the whole shared topic first: generous on a loaded machine.
  await until(
    `application ${app.applicationId} projected`,
    async () =>
      Boolean(
        await identity.db?.collection('applications').findOne({ _id: app.applicationId as never }),
      ),
    110_000,
  );
  return app;
}

export async function until(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** `POST /internal/widget/auth` for an application, as the gateway sends it. */
export function widgetAuth(
  identity: IdentityEndpoint,
  app: AppCredentials,
  user: Record<string, unknown> | undefined,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer> {
  return request(identity.url, '/internal/widget/auth', {
    body: {
      organizationDomain: app.domain,
      applicationId: app.applicationId,
      applicationSecret: app.applicationSecret,
      ...(user && { user }),
      ...extra,
    },
    headers,
  });
}
