import {
  AddIdentityKeyBody,
  AgentSignInBody,
  ApplicationId,
  CreateAgentBody,
  DomainInput,
  IdentityKeyId,
  RegisterApplicationBody,
  RegisterOrganizationBody,
  RetireIdentityKeyBody,
  WidgetInitBody,
} from '@threadline/contracts';
import {
  BadInputRun,
  expectStillUp,
  itChecksEntryPoints,
  itChecksRawHttp,
  nested,
  registerApplication,
  registerOrganization,
  request,
  SecretLedger,
  token,
  uniqueDomain,
  widgetAuth,
  type AppCredentials,
  type EntryPoint,
} from '@threadline/testing';
import { z } from 'zod';
import { textIssuesOf } from '@threadline/service-kit';
import { startIdentityProcess, type IdentityProcess } from './identity-process';

/**
 * S18, issue 9 "Bad input": generated bodies, parameters, headers and raw HTTP against every entry
 * point of the real identity process. Each answer is a 4xx naming the problem (never a 5xx or a
 * hang), a refusal writes nothing to the event store, and whatever is accepted passed its contract.
 */

const TokenBody = z.strictObject({ token: z.string().min(1).max(4_096) });
/** Per entry point; tuned so the whole file stays well under a minute on two cores. */
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 50);

describe('bad input to every identity entry point (real process, Kafka and store)', () => {
  let identity: IdentityProcess;
  let app: AppCredentials;
  let guarded: AppCredentials;
  const ledger = new SecretLedger();
  let run: BadInputRun;
  let entryPoints: EntryPoint[] = [];

  beforeAll(async () => {
    identity = await startIdentityProcess();
    run = new BadInputRun({
      url: identity.url,
      commits: () => identity.commits(),
      textIssues: textIssuesOf,
    });
    const domain = uniqueDomain('fuzz');
    await registerOrganization(identity, domain);
    [app, guarded] = await Promise.all([
      registerApplication(identity, domain),
      registerApplication(identity, domain, 'required'),
    ]);
    const user = {
      user_id: `fuzz-user-${token()}`,
      email: 'fuzz.user@customer.example',
      name: 'Fuzz User',
      phone: '+1 555 0100',
      company: 'Fuzz Co',
      security_hash: `bound-hash-${token()}`,
      custom_data: { plan: 'pro', seats: 3 },
    };
    const bound = await widgetAuth(identity, app, user);
    expect(bound.status).toBe(200);
    const session = String(bound.json?.sessionToken);
    const agent = {
      email: `agent-${token(4).toLowerCase()}@fuzz.example`,
      password: `pw-${token()}`,
    };
    expect(
      (
        await request(identity.url, '/internal/agents', {
          body: { domain, name: 'Agent', ...agent },
        })
      ).status,
    ).toBe(201);
    for (const [kind, value] of [
      ['applicationSecret', app.applicationSecret],
      ['applicationSecret', guarded.applicationSecret],
      ['identity secret', guarded.identitySecret],
      ['security_hash', user.security_hash],
      ['session token', session],
      ['device token', bound.json?.deviceToken],
      ['password', agent.password],
    ] as const) {
      ledger.add(kind, value);
    }

    const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    entryPoints = [
      {
        name: 'POST /internal/widget/auth',
        method: 'POST',
        path: () => '/internal/widget/auth',
        body: {
          organizationDomain: domain,
          applicationId: app.applicationId,
          applicationSecret: app.applicationSecret,
          user,
          deviceToken: `device_${token()}`,
        },
        bodySchema: WidgetInitBody,
        writesWhenRefused: 403,
      },
      {
        name: 'POST /internal/sessions/verify',
        method: 'POST',
        path: () => '/internal/sessions/verify',
        body: { token: session },
        bodySchema: TokenBody,
      },
      {
        name: 'POST /internal/sessions/end',
        method: 'POST',
        path: () => '/internal/sessions/end',
        body: { token: session },
        bodySchema: TokenBody,
      },
      {
        name: 'POST /internal/organizations',
        method: 'POST',
        path: () => '/internal/organizations',
        body: { domain: uniqueDomain('fuzz-org'), name: 'Fuzz Org' },
        bodySchema: RegisterOrganizationBody,
      },
      {
        name: 'POST /internal/applications',
        method: 'POST',
        path: () => '/internal/applications',
        body: {
          domain,
          name: 'Fuzz site',
          allowedOrigins: ['https://fuzz.example'],
          identityVerification: 'none',
        },
        bodySchema: RegisterApplicationBody,
      },
      {
        name: 'GET /internal/applications',
        method: 'GET',
        path: () => '/internal/applications',
        query: { name: 'domain', value: domain, schema: DomainInput },
      },
      {
        name: 'GET /internal/applications/:applicationId',
        method: 'GET',
        path: (p) => `/internal/applications/${p.applicationId}`,
        params: { applicationId: app.applicationId },
        paramSchemas: { applicationId: ApplicationId },
        query: { name: 'domain', value: domain, schema: DomainInput.optional() },
      },
      {
        name: 'POST /internal/applications/:applicationId/identity-keys',
        method: 'POST',
        path: (p) => `/internal/applications/${p.applicationId}/identity-keys`,
        params: { applicationId: guarded.applicationId },
        paramSchemas: { applicationId: ApplicationId },
        body: { activeFrom: future(30) },
        bodySchema: AddIdentityKeyBody,
      },
      {
        name: 'POST /internal/applications/:applicationId/identity-keys/:keyId/retire',
        method: 'POST',
        path: (p) => `/internal/applications/${p.applicationId}/identity-keys/${p.keyId}/retire`,
        params: { applicationId: guarded.applicationId, keyId: guarded.keyId ?? 'k' },
        paramSchemas: { applicationId: ApplicationId, keyId: IdentityKeyId },
        body: { retiresAt: future(60) },
        bodySchema: RetireIdentityKeyBody,
      },
      {
        name: 'POST /internal/agents',
        method: 'POST',
        path: () => '/internal/agents',
        body: { domain, email: `new-${agent.email}`, name: 'New agent', password: `pw-${token()}` },
        bodySchema: CreateAgentBody,
      },
      {
        name: 'POST /internal/agents/sign-in',
        method: 'POST',
        path: () => '/internal/agents/sign-in',
        body: { organizationDomain: domain, ...agent },
        bodySchema: AgentSignInBody,
      },
      {
        name: 'POST /internal/agents/verify',
        method: 'POST',
        path: () => '/internal/agents/verify',
        body: { token: session },
        bodySchema: TokenBody,
      },
    ];
  }, 180_000);

  afterAll(async () => {
    for (const line of run?.summaryLines() ?? []) console.info(line);
    await identity?.stop();
  });

  const suite = {
    run: () => run,
    entryPoints: () => entryPoints,
    stillUp: () => expectStillUp(identity),
  };

  it('forced examples first: a body nested 10,000 levels, a body over the limit, invalid UTF-8', async () => {
    const widget = entryPoints[0]!;
    for (const input of [
      { kind: 'deep nesting', raw: nested(10_000, 'array') },
      { kind: 'deep nesting', raw: nested(10_000, 'object') },
      { kind: 'oversized body', raw: JSON.stringify({ ...widget.body, pad: 'p'.repeat(200_000) }) },
      { kind: 'invalid UTF-8', raw: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]) },
    ]) {
      await run.probe(widget, input);
    }
    await suite.stillUp();
  });

  itChecksEntryPoints(
    suite,
    [
      'POST /internal/widget/auth',
      'POST /internal/sessions/verify',
      'POST /internal/sessions/end',
      'POST /internal/organizations',
      'POST /internal/applications',
      'GET /internal/applications',
      'GET /internal/applications/:applicationId',
      'POST /internal/applications/:applicationId/identity-keys',
      'POST /internal/applications/:applicationId/identity-keys/:keyId/retire',
      'POST /internal/agents',
      'POST /internal/agents/sign-in',
      'POST /internal/agents/verify',
    ],
    RUNS,
  );
  itChecksRawHttp(suite, RUNS * 3);

  it('the process stayed up, logged no error, and logged none of the secrets it was sent', async () => {
    await suite.stillUp();
    const errorLines = identity.errorLines();
    expect(errorLines).toEqual([]);
    ledger.addStoredHashes(await identity.events());
    const leaks = ledger.scan(identity.logs());
    console.info(
      `bad input: log scan: ${ledger.size} secrets over ${identity.logs().length} bytes of logs, ` +
        `${errorLines.length} error lines, ${leaks.length} leaks`,
    );
    expect(leaks).toEqual([]);
    expect(run.findings).toEqual([]);
  });
});
