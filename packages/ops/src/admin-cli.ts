#!/usr/bin/env node
import { AdminApiError, DEFAULT_IDENTITY_URL, IdentityAdminClient } from '@threadline/admin-client';
import { adminUsage, parseAdminArgs, type AdminCommand } from './admin-args';

function lines(result: Record<string, unknown>, command: AdminCommand): string {
  switch (command.kind) {
    case 'create-organization':
      return `organization ${String(result.domain)} (${String(result.name)}) created`;
    case 'create-application': {
      const key = result.identityKey as { keyId: string; secret: string } | undefined;
      return [
        `application created in ${String(result.organizationDomain)}`,
        `  applicationId      ${String(result.applicationId)}`,
        `  applicationSecret  ${String(result.applicationSecret)}`,
        ...(key ? [`  identity key id    ${key.keyId}`, `  identity secret    ${key.secret}`] : []),
        'The secrets are shown only this once: store them now.',
      ].join('\n');
    }
    case 'create-agent':
      return [
        `agent ${String(result.email)} created in ${String(result.organizationDomain)}`,
        `  agentId   ${String(result.agentId)}`,
        ...(result.password
          ? [`  password  ${String(result.password)}  (shown only this once)`]
          : []),
      ].join('\n');
    case 'list-applications': {
      const apps = (result.applications as Record<string, unknown>[]) ?? [];
      if (apps.length === 0)
        return `no applications in ${command.domain} (yet: new ones appear within seconds)`;
      return apps
        .map(
          (a) =>
            `${String(a.applicationId).padEnd(10)} ${String(a.name ?? '').padEnd(24)} ${String(a.identityVerification).padEnd(9)} ${(a.allowedOrigins as string[]).join(' ')}`,
        )
        .join('\n');
    }
  }
}

function run(client: IdentityAdminClient, command: AdminCommand) {
  switch (command.kind) {
    case 'create-organization':
      return client.registerOrganization({ domain: command.domain, name: command.name });
    case 'create-application':
      return client.registerApplication({
        domain: command.domain,
        name: command.name,
        allowedOrigins: command.origins,
        identityVerification: command.identityVerification,
      });
    case 'create-agent':
      return client.createAgent({
        domain: command.domain,
        email: command.email,
        name: command.name,
        ...(command.password ? { password: command.password } : {}),
      });
    case 'list-applications':
      return client.listApplications(command.domain);
  }
}

/** Exit codes: 0 done, 1 the service refused or failed, 2 bad usage. */
export async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const parsed = parseAdminArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(`${adminUsage}\n`);
    return 0;
  }
  if (parsed.kind === 'invalid') {
    process.stderr.write(`admin: ${parsed.message}\n\n${adminUsage}\n`);
    return 2;
  }
  const client = new IdentityAdminClient(env.IDENTITY_URL || DEFAULT_IDENTITY_URL);
  try {
    const result = (await run(client, parsed.command)) as Record<string, unknown>;
    process.stdout.write(
      `${parsed.json ? JSON.stringify(result, null, 2) : lines(result, parsed.command)}\n`,
    );
    return 0;
  } catch (error) {
    const message =
      error instanceof AdminApiError
        ? `${error.status} ${error.code}: ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`admin: ${message}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), process.env).then((code) => process.exit(code));
}
