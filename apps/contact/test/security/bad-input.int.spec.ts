import {
  ApplicationId,
  ContactId,
  ContactListQuery,
  SetCustomAttributesBody,
  SubmitPreChatFormBody,
  UpdateProfileBody,
} from '@threadline/contracts';
import { textIssuesOf } from '@threadline/service-kit';
import {
  BadInputRun,
  expectStillUp,
  itChecksEntryPoints,
  itChecksRawHttp,
  itLoggedNoError,
  nested,
  request,
  uniqueName,
  type EntryPoint,
} from '@threadline/testing';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { eventsOf, eventually } from '../contact-service.harness';
import { startContactProcess, type ContactProcess } from './contact-process';

/**
 * S18, issue 9 "Bad input" for contact's internal API: generated bodies, path parameters, query
 * strings, headers and raw HTTP against every entry point of the real process (the CSV import has
 * its own suite). Each answer is a 4xx naming the problem or a validated success, never a 5xx or a
 * hang; a refusal writes no commit; the process stays up and logs no error.
 */

/** Per entry point; the whole file stays well under a minute on two cores. */
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 40);

describe('bad input to every contact entry point (real process, Kafka and store)', () => {
  let contact: ContactProcess;
  let run: BadInputRun;
  let entryPoints: EntryPoint[] = [];

  beforeAll(async () => {
    contact = await startContactProcess();
    run = new BadInputRun({
      url: contact.url,
      commits: () => contact.commits(),
      textIssues: textIssuesOf,
    });
    const applicationId = uniqueName('fuzz-app');
    const events = eventsOf(applicationId);
    const userId = `fuzz-user-${uuidv7()}`;
    const visitorId = `fuzz-visitor-${uuidv7()}`;
    await contact.publish(contact.topics.identity, [
      events.userAuthenticated(userId, { profile: { name: 'Fuzz User', email: 'f@fuzz.example' } }),
      events.visitorStarted(visitorId, 'Fuzzy Fox (anonym)'),
    ]);
    const user = events.userContactId(userId);
    const visitor = events.visitorContactId(visitorId);
    await eventually(async () => {
      const page = await request(contact.url, `/internal/contacts/${applicationId}/${visitor}`);
      return page.status === 200 ? true : undefined;
    }, 'the contacts in the projection');
    // The reactor's commits are done: from here on only probes write.
    await eventually(async () => ((await contact.commits()) >= 2 ? true : undefined), 'commits');

    const app = encodeURIComponent(applicationId);
    const both = { applicationId: app, contactId: user };
    const bothSchemas = { applicationId: ApplicationId, contactId: ContactId };
    entryPoints = [
      {
        name: 'POST /internal/contacts/pre-chat',
        method: 'POST',
        path: () => '/internal/contacts/pre-chat',
        body: { applicationId, contactId: visitor, name: 'Pre Chat', email: 'pre@fuzz.example' },
        bodySchema: SubmitPreChatFormBody,
      },
      {
        name: 'GET /internal/contacts/:applicationId',
        method: 'GET',
        path: (p) => `/internal/contacts/${p.applicationId}`,
        params: { applicationId: app },
        paramSchemas: { applicationId: ApplicationId },
        query: { name: 'q', value: 'fuzz', schema: ContactListQuery.shape.q },
      },
      {
        name: 'GET /internal/contacts/:applicationId?cursor',
        method: 'GET',
        path: (p) => `/internal/contacts/${p.applicationId}`,
        params: { applicationId: app },
        query: { name: 'cursor', value: 'x', schema: ContactListQuery.shape.cursor },
      },
      {
        name: 'GET /internal/contacts/:applicationId/:contactId',
        method: 'GET',
        path: (p) => `/internal/contacts/${p.applicationId}/${p.contactId}`,
        params: both,
        paramSchemas: bothSchemas,
      },
      {
        name: 'PATCH /internal/contacts/:applicationId/:contactId/profile',
        method: 'PATCH',
        path: (p) => `/internal/contacts/${p.applicationId}/${p.contactId}/profile`,
        params: both,
        paramSchemas: bothSchemas,
        body: { name: 'Renamed', email: 'renamed@fuzz.example', phone: '+1 555', company: 'Co' },
        bodySchema: UpdateProfileBody,
      },
      {
        name: 'PATCH /internal/contacts/:applicationId/:contactId/attributes',
        method: 'PATCH',
        path: (p) => `/internal/contacts/${p.applicationId}/${p.contactId}/attributes`,
        params: both,
        paramSchemas: bothSchemas,
        body: { attributes: { plan: 'pro', seats: 3, trial: false, renews: '2027-01-01' } },
        bodySchema: SetCustomAttributesBody,
      },
      {
        name: 'GET /internal/contacts/:applicationId/imports',
        method: 'GET',
        path: (p) => `/internal/contacts/${p.applicationId}/imports`,
        params: { applicationId: app },
        paramSchemas: { applicationId: ApplicationId },
      },
      {
        name: 'GET /internal/contacts/:applicationId/imports/:importId',
        method: 'GET',
        path: (p) => `/internal/contacts/${p.applicationId}/imports/${p.importId}`,
        params: { applicationId: app, importId: uuidv7() },
        paramSchemas: { applicationId: ApplicationId, importId: z.uuid({ version: 'v7' }) },
      },
    ];
  }, 180_000);

  afterAll(async () => {
    for (const line of run?.summaryLines('bad input: contact') ?? []) console.info(line);
    await contact?.stop();
  });

  const suite = {
    run: () => run,
    entryPoints: () => entryPoints,
    stillUp: () => expectStillUp(contact),
  };
  it('forced examples first: bodies nested 10,000 levels, a body over the limit, invalid UTF-8', async () => {
    const profile = entryPoints.find((e) => e.name.endsWith('/profile'))!;
    for (const input of [
      { kind: 'deep nesting', raw: nested(10_000, 'array') },
      { kind: 'deep nesting', raw: nested(10_000, 'object') },
      { kind: 'deep nesting', raw: `{"attributes":${nested(10_000, 'mixed')}}` },
      { kind: 'oversized body', raw: JSON.stringify({ name: 'p'.repeat(200_000) }) },
      { kind: 'invalid UTF-8', raw: Buffer.from('{"name":"\xff"}', 'latin1') },
    ]) {
      await run.probe(profile, input);
    }
    await suite.stillUp();
  });

  itChecksEntryPoints(
    suite,
    [
      'POST /internal/contacts/pre-chat',
      'GET /internal/contacts/:applicationId',
      'GET /internal/contacts/:applicationId?cursor',
      'GET /internal/contacts/:applicationId/:contactId',
      'PATCH /internal/contacts/:applicationId/:contactId/profile',
      'PATCH /internal/contacts/:applicationId/:contactId/attributes',
      'GET /internal/contacts/:applicationId/imports',
      'GET /internal/contacts/:applicationId/imports/:importId',
    ],
    RUNS,
  );
  itChecksRawHttp(suite, RUNS * 2);
  itLoggedNoError(suite, () => [contact]);
});
