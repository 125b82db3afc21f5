import {
  ApplicationId,
  ContactId,
  contactIdOf,
  MarkThreadReadBody,
  SendMessageBody,
  ThreadCursor,
  ThreadListCursor,
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
import { clientMessageId } from '../support/http';
import { startConversationProcess, type ConversationProcess } from './conversation-process';

/**
 * S18, issue 9 "Bad input" for conversation's internal API: generated bodies, path parameters,
 * query strings, headers and raw HTTP against every entry point of the real process. Each answer
 * is a 4xx naming the problem or a validated success, never a 5xx or a hang; a refusal writes no
 * commit; the process stays up and logs no error.
 */

/** Per entry point; the whole file stays well under a minute on two cores. */
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 40);

describe('bad input to every conversation entry point (real process, Kafka and store)', () => {
  let conversation: ConversationProcess;
  let run: BadInputRun;
  let entryPoints: EntryPoint[] = [];

  beforeAll(async () => {
    conversation = await startConversationProcess();
    run = new BadInputRun({
      url: conversation.url,
      commits: () => conversation.commits(),
      textIssues: textIssuesOf,
    });
    const applicationId = uniqueName('fuzz-app');
    const contactId = contactIdOf(applicationId, { kind: 'visitor', visitorId: uniqueName('v') });
    const send = {
      applicationId,
      contactId,
      clientMessageId: clientMessageId(),
      author: { kind: 'user', deviceId: 'dev_fuzz' },
      text: 'Hello from the fuzzer',
    };
    const sent = await request(conversation.url, '/internal/threads/messages', { body: send });
    expect(sent.status).toBe(201);
    const message = (sent.json as { message: { messageId: string; cursor: string } }).message;

    const app = encodeURIComponent(applicationId);
    const both = { applicationId: app, contactId };
    const bothSchemas = { applicationId: ApplicationId, contactId: ContactId };
    entryPoints = [
      {
        name: 'POST /internal/threads/messages',
        method: 'POST',
        path: () => '/internal/threads/messages',
        body: send,
        bodySchema: SendMessageBody,
      },
      {
        name: 'POST /internal/threads/read',
        method: 'POST',
        path: () => '/internal/threads/read',
        body: { applicationId, contactId, side: 'agent', upTo: message.messageId },
        bodySchema: MarkThreadReadBody,
      },
      {
        name: 'GET /internal/threads/:applicationId/:contactId/messages',
        method: 'GET',
        path: (p) => `/internal/threads/${p.applicationId}/${p.contactId}/messages`,
        params: both,
        paramSchemas: bothSchemas,
        query: { name: 'before', value: message.cursor, schema: ThreadCursor.optional() },
      },
      {
        name: 'GET /internal/threads/:applicationId/:contactId',
        method: 'GET',
        path: (p) => `/internal/threads/${p.applicationId}/${p.contactId}`,
        params: both,
        paramSchemas: bothSchemas,
      },
      {
        name: 'GET /internal/threads/:applicationId',
        method: 'GET',
        path: (p) => `/internal/threads/${p.applicationId}`,
        params: { applicationId: app },
        paramSchemas: { applicationId: ApplicationId },
        query: {
          name: 'before',
          value: `${message.cursor}~${contactId}`,
          schema: ThreadListCursor.optional(),
        },
      },
    ];
  }, 180_000);

  afterAll(async () => {
    for (const line of run?.summaryLines('bad input: conversation') ?? []) console.info(line);
    await conversation?.stop();
  });

  const suite = {
    run: () => run,
    entryPoints: () => entryPoints,
    stillUp: () => expectStillUp(conversation),
  };
  it('forced examples first: bodies nested 10,000 levels, a body over the limit, invalid UTF-8', async () => {
    const send = entryPoints[0]!;
    for (const input of [
      { kind: 'deep nesting', raw: nested(10_000, 'array') },
      { kind: 'deep nesting', raw: nested(10_000, 'object') },
      {
        kind: 'deep nesting',
        raw: JSON.stringify(send.body).replace('"dev_fuzz"', nested(10_000, 'mixed')),
      },
      { kind: 'oversized body', raw: JSON.stringify({ ...send.body, text: 't'.repeat(200_000) }) },
      {
        kind: 'invalid UTF-8',
        raw: Buffer.from(JSON.stringify(send.body).replace('Hello', '\xff\xfe'), 'latin1'),
      },
    ]) {
      await run.probe(send, input);
    }
    await suite.stillUp();
  });

  itChecksEntryPoints(
    suite,
    [
      'POST /internal/threads/messages',
      'POST /internal/threads/read',
      'GET /internal/threads/:applicationId/:contactId/messages',
      'GET /internal/threads/:applicationId/:contactId',
      'GET /internal/threads/:applicationId',
    ],
    RUNS,
  );
  itChecksRawHttp(suite, RUNS * 2);
  itLoggedNoError(suite, () => [conversation]);
});
