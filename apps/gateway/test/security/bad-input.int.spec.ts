import {
  AgentSignInBody,
  ApplicationId,
  ContactId,
  ContactListQuery,
  PreChatFormBody,
  ReadUpToBody,
  SetCustomAttributesBody,
  ThreadCursor,
  ThreadListCursor,
  UpdateProfileBody,
  WidgetInitBody,
  WidgetSendMessageBody,
  WidgetUserDataBody,
} from '@threadline/contracts';
import { textIssuesOf } from '@threadline/service-kit';
import {
  BadInputRun,
  csvFiles,
  headerValue,
  itChecksEntryPoints,
  itChecksRawHttp,
  itLoggedNoError,
  nested,
  platformHealthy,
  refusalProblems,
  request,
  type EntryPoint,
  type PlatformStack,
} from '@threadline/testing';
import fc from 'fast-check';
import { z } from 'zod';
import { fuzzTenant, SHOP_ORIGIN, startGatewayStack, type FuzzTenant } from './bad-input.fixture';

/**
 * S18, issue 9 "Bad input" for the gateway's public API: generated bodies, headers (content type,
 * authorization, origin), query strings and path parameters, oversized and deep bodies, invalid
 * UTF-8, CSV files and raw HTTP, against every route of the real gateway in front of the real
 * identity, contact and conversation processes. Each answer is a 4xx naming the problem or a
 * validated success, never a 5xx or a hang; a refusal writes no commit in any store; every process
 * stays up and logs no error.
 */

const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 30);

/** Authorization headers a browser, a script or an attacker could send. */
const authorization = (valid: string, other: string) =>
  fc.oneof(
    headerValue,
    fc.constantFrom(
      '',
      'Bearer',
      'Bearer ',
      `Bearer ${other}`,
      `bearer ${valid}`,
      `Bearer ${valid}x`,
      `Bearer ${valid} ${valid}`,
      `Basic ${Buffer.from('a:b').toString('base64')}`,
      `Bearer v1.${'A'.repeat(4_000)}`,
      `Bearer a1.e30.e30`,
    ),
  );
const origin = fc.oneof(
  headerValue,
  fc.constantFrom('null', 'https://evil.example', `${SHOP_ORIGIN}.evil.example`, 'file://'),
);

describe('bad input to every gateway route (gateway, identity, contact, conversation processes)', () => {
  let stack: PlatformStack;
  let tenant: FuzzTenant;
  let run: BadInputRun;
  let entryPoints: EntryPoint[] = [];

  beforeAll(async () => {
    stack = await startGatewayStack();
    tenant = await fuzzTenant(stack);
    run = new BadInputRun({
      url: stack.gateway.url,
      commits: () => stack.commits(),
      textIssues: textIssuesOf,
      // A write reaches the other services' reactors a moment later.
      settle: async (entry) => {
        if (entry.method !== 'GET') await stack.settle(400);
      },
    });
    const widget = (token: string) => ({ authorization: `Bearer ${token}`, origin: SHOP_ORIGIN });
    const widgetHeaders = {
      authorization: authorization(tenant.userToken, tenant.agentToken),
      origin,
    };
    const agent = { authorization: `Bearer ${tenant.agentToken}` };
    const agentHeaders = { authorization: authorization(tenant.agentToken, tenant.userToken) };
    const app = tenant.applicationId;
    const appPath = `/api/agent/applications`;
    const contactParams = { app, contactId: tenant.userContactId };
    const contactSchemas = { app: ApplicationId, contactId: ContactId };
    entryPoints = [
      {
        name: 'POST /api/widget/init',
        method: 'POST',
        path: () => '/api/widget/init',
        body: tenant.init,
        bodySchema: WidgetInitBody,
        headers: { origin: SHOP_ORIGIN },
        headerArbitraries: { origin },
        // A refused user (403) is recorded as `AuthenticationRejected` by design.
        writesWhenRefused: 403,
      },
      {
        name: 'GET /api/widget/messages',
        method: 'GET',
        path: () => '/api/widget/messages',
        headers: widget(tenant.userToken),
        headerArbitraries: widgetHeaders,
        query: { name: 'before', value: tenant.cursor, schema: ThreadCursor.optional() },
      },
      {
        name: 'POST /api/widget/messages',
        method: 'POST',
        path: () => '/api/widget/messages',
        body: { clientMessageId: 'fuzz-message-1', text: 'Hello again' },
        bodySchema: WidgetSendMessageBody,
        headers: widget(tenant.userToken),
        headerArbitraries: widgetHeaders,
      },
      {
        name: 'POST /api/widget/read',
        method: 'POST',
        path: () => '/api/widget/read',
        body: { upTo: tenant.messageId },
        bodySchema: ReadUpToBody,
        headers: widget(tenant.userToken),
        headerArbitraries: widgetHeaders,
      },
      {
        name: 'POST /api/widget/pre-chat',
        method: 'POST',
        path: () => '/api/widget/pre-chat',
        body: { name: 'Pre Chat', email: 'pre@fuzz.example' },
        bodySchema: PreChatFormBody,
        headers: widget(tenant.visitorToken),
        headerArbitraries: {
          authorization: authorization(tenant.visitorToken, tenant.agentToken),
          origin,
        },
      },
      {
        name: 'PATCH /api/widget/user',
        method: 'PATCH',
        path: () => '/api/widget/user',
        body: { name: 'Renamed', email: 'renamed@fuzz.example', phone: '+1 555', company: 'Co' },
        bodySchema: UpdateProfileBody,
        headers: widget(tenant.userToken),
        headerArbitraries: widgetHeaders,
      },
      {
        name: 'PATCH /api/widget/user-data',
        method: 'PATCH',
        path: () => '/api/widget/user-data',
        body: { plan: 'pro', seats: 3, trial: null },
        bodySchema: WidgetUserDataBody,
        headers: widget(tenant.userToken),
        headerArbitraries: widgetHeaders,
      },
      {
        name: 'POST /api/agent/sign-in',
        method: 'POST',
        path: () => '/api/agent/sign-in',
        body: { organizationDomain: tenant.domain, ...tenant.agent },
        bodySchema: AgentSignInBody,
      },
      {
        name: 'GET /api/agent/applications/:app/contacts',
        method: 'GET',
        path: (p) => `${appPath}/${p.app}/contacts`,
        params: { app },
        paramSchemas: { app: ApplicationId },
        query: { name: 'q', value: 'fuzz', schema: ContactListQuery.shape.q },
        headers: agent,
        headerArbitraries: agentHeaders,
      },
      {
        name: 'GET /api/agent/applications/:app/threads',
        method: 'GET',
        path: (p) => `${appPath}/${p.app}/threads`,
        params: { app },
        paramSchemas: { app: ApplicationId },
        query: {
          name: 'before',
          value: `${tenant.cursor}~${tenant.userContactId}`,
          schema: ThreadListCursor.optional(),
        },
        headers: agent,
        headerArbitraries: agentHeaders,
      },
      {
        name: 'GET /api/agent/applications/:app/contacts/:contactId',
        method: 'GET',
        path: (p) => `${appPath}/${p.app}/contacts/${p.contactId}`,
        params: contactParams,
        paramSchemas: contactSchemas,
        headers: agent,
        headerArbitraries: agentHeaders,
      },
      {
        name: 'PATCH /api/agent/applications/:app/contacts/:contactId/attributes',
        method: 'PATCH',
        path: (p) => `${appPath}/${p.app}/contacts/${p.contactId}/attributes`,
        params: contactParams,
        paramSchemas: contactSchemas,
        body: { attributes: { plan: 'pro', seats: 3 } },
        bodySchema: SetCustomAttributesBody,
        headers: agent,
        headerArbitraries: agentHeaders,
      },
      {
        name: 'GET /api/agent/applications/:app/contacts/:contactId/messages',
        method: 'GET',
        path: (p) => `${appPath}/${p.app}/contacts/${p.contactId}/messages`,
        params: contactParams,
        paramSchemas: contactSchemas,
        query: { name: 'after', value: tenant.cursor, schema: ThreadCursor.optional() },
        headers: agent,
        headerArbitraries: agentHeaders,
      },
      {
        name: 'POST /api/agent/applications/:app/contacts/:contactId/messages',
        method: 'POST',
        path: (p) => `${appPath}/${p.app}/contacts/${p.contactId}/messages`,
        params: contactParams,
        paramSchemas: contactSchemas,
        body: { clientMessageId: 'fuzz-agent-reply-1', text: 'An agent reply' },
        bodySchema: WidgetSendMessageBody,
        headers: agent,
        headerArbitraries: agentHeaders,
      },
      {
        name: 'POST /api/agent/applications/:app/contacts/:contactId/read',
        method: 'POST',
        path: (p) => `${appPath}/${p.app}/contacts/${p.contactId}/read`,
        params: contactParams,
        paramSchemas: contactSchemas,
        body: { upTo: tenant.messageId },
        bodySchema: ReadUpToBody,
        headers: agent,
        headerArbitraries: agentHeaders,
      },
      {
        name: 'GET /api/agent/applications/:app/imports/:importId',
        method: 'GET',
        path: (p) => `${appPath}/${p.app}/imports/${p.importId}`,
        params: { app, importId: '0190f5c2-0000-7000-8000-000000000000' },
        paramSchemas: { app: ApplicationId, importId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/) },
        headers: agent,
        headerArbitraries: agentHeaders,
      },
      {
        // Last: a valid input ends the session it names.
        name: 'POST /api/widget/logout',
        method: 'POST',
        path: () => '/api/widget/logout',
        headers: widget(tenant.logoutToken),
        headerArbitraries: {
          authorization: authorization(tenant.logoutToken, tenant.agentToken),
          origin,
        },
      },
    ];
  }, 300_000);

  afterAll(async () => {
    for (const line of run?.summaryLines('bad input: gateway') ?? []) console.info(line);
    await stack?.stop();
  });

  const suite = {
    run: () => run,
    entryPoints: () => entryPoints,
    stillUp: async () => expect(await platformHealthy(stack)).toBe(true),
  };

  it('forced examples first: bodies nested 10,000 levels, over the limit, invalid UTF-8', async () => {
    const send = entryPoints.find((e) => e.name === 'POST /api/widget/messages')!;
    for (const input of [
      { kind: 'deep nesting', raw: nested(10_000, 'array') },
      { kind: 'deep nesting', raw: nested(10_000, 'object') },
      { kind: 'oversized body', raw: JSON.stringify({ ...send.body, text: 't'.repeat(200_000) }) },
      {
        kind: 'invalid UTF-8',
        raw: Buffer.concat([
          Buffer.from('{"clientMessageId":"fuzz-utf8-1","text":"a'),
          Buffer.from([0xff, 0xfe]),
          Buffer.from('b"}'),
        ]),
      },
    ]) {
      await run.probe(send, input);
    }
    await suite.stillUp();
  });

  itChecksEntryPoints(
    suite,
    [
      'POST /api/widget/init',
      'GET /api/widget/messages',
      'POST /api/widget/messages',
      'POST /api/widget/read',
      'POST /api/widget/pre-chat',
      'PATCH /api/widget/user',
      'PATCH /api/widget/user-data',
      'POST /api/agent/sign-in',
      'GET /api/agent/applications/:app/contacts',
      'GET /api/agent/applications/:app/threads',
      'GET /api/agent/applications/:app/contacts/:contactId',
      'PATCH /api/agent/applications/:app/contacts/:contactId/attributes',
      'GET /api/agent/applications/:app/contacts/:contactId/messages',
      'POST /api/agent/applications/:app/contacts/:contactId/messages',
      'POST /api/agent/applications/:app/contacts/:contactId/read',
      'GET /api/agent/applications/:app/imports/:importId',
      'POST /api/widget/logout',
    ],
    RUNS,
  );

  it('POST /api/agent/applications/:app/imports: generated CSV files, content types and tokens', async () => {
    const path = `/api/agent/applications/${tenant.applicationId}/imports`;
    const tally = run.tallyOf('POST /api/agent/applications/:app/imports');
    await fc.assert(
      fc.asyncProperty(
        csvFiles,
        fc.constantFrom(
          'text/csv',
          'text/csv; charset=utf-8',
          'application/json',
          'text/plain',
          '',
        ),
        fc.constantFrom('valid', 'valid', 'valid', 'none', 'widget'),
        async (file, contentType, token) => {
          const before = await stack.commits();
          const answer = await request(stack.gateway.url, path, {
            raw: file.bytes,
            headers: {
              'content-type': contentType,
              ...(token === 'valid' && { authorization: `Bearer ${tenant.agentToken}` }),
              ...(token === 'widget' && { authorization: `Bearer ${tenant.userToken}` }),
            },
          });
          tally.count(file.kind, answer);
          const problems = refusalProblems(answer);
          if (answer.status >= 400 && (await stack.commits()) !== before)
            problems.push(`refused with ${answer.status} yet wrote`);
          if (answer.status < 300 && (token !== 'valid' || !/^text\/csv/.test(contentType)))
            problems.push('accepted an import without an agent token or as another type');
          if (answer.status < 300) await stack.settle(400);
          if (problems.length > 0)
            run.fail(
              `CSV import [${file.kind}]: ${problems.join('; ')} (answer ${answer.text.slice(0, 300)})`,
            );
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
    await suite.stillUp();
  });

  itChecksRawHttp(suite, RUNS * 3);
  itLoggedNoError(suite, () => stack.all(), 'every process stayed up and logged no error');
});
