import { contactIdOf, threadStreamId, type EventEnvelope } from '@threadline/contracts';

/**
 * A scripted history of one user, `ann`, of `app`: an anonymous chat on her device, her login
 * (which merges it), a bound hash, messages, a read, a refused init, a profile change on her
 * contact and a logout; among events of other users, sessions, contacts and applications.
 */
export function auditHistory(app: string, otherApp: string) {
  let seq = 0;
  const make = (
    streamId: string,
    streamVersion: number,
    occurredAt: string,
    type: string,
    payload: unknown,
    tenantId = app,
  ): EventEnvelope => ({
    eventId: `019ab000-0000-7000-8000-${String(++seq).padStart(12, '0')}`,
    type,
    version: 1,
    occurredAt: `2026-11-23T${occurredAt}Z`,
    tenantId,
    streamId,
    streamVersion,
    correlationId: 'corr-audit',
    causationId: 'cause-audit',
    payload,
  });
  const ann = contactIdOf(app, { kind: 'user', userId: 'ann' });
  const bob = contactIdOf(app, { kind: 'user', userId: 'bob' });
  const anon = contactIdOf(app, { kind: 'visitor', visitorId: 'v-ann' });
  const anon2 = contactIdOf(app, { kind: 'visitor', visitorId: 'v-bob' });
  const annThread = threadStreamId(ann);
  const anonThread = threadStreamId(anon);
  const visitorMessage = {
    messageId: '019ab000-0000-7000-8000-0000000000m1',
    clientMessageId: 'client-v1-000',
    author: { kind: 'user', contactId: anon, deviceId: 'dev-ann' },
    text: 'Hi, is anyone there?',
    sentAt: '2026-11-23T09:01:00.000Z',
  };
  const agentToVisitor = {
    messageId: '019ab000-0000-7000-8000-0000000000m2',
    clientMessageId: 'client-a1-000',
    author: { kind: 'agent', agentId: 'agent-7' },
    text: 'Hello! Please log in so we can see your order.',
    sentAt: '2026-11-23T09:02:00.000Z',
  };
  const events: EventEnvelope[] = [
    make('visitor-app-dev-ann', 1, '09:00:00.000', 'identity.visitor-started', {
      visitorId: 'v-ann',
      deviceId: 'dev-ann',
      generatedName: 'Giant Duck (anonym)',
      prefill: {},
    }),
    make(anonThread, 1, '09:01:00.000', 'conversation.conversation-started', { contactId: anon }),
    make(anonThread, 2, '09:01:00.000', 'conversation.message-sent', visitorMessage),
    make(anonThread, 3, '09:02:00.000', 'conversation.message-sent', agentToVisitor),
    make('user-app-ann', 1, '10:00:00.000', 'identity.user-authenticated', {
      userId: 'ann',
      deviceId: 'dev-ann',
      sessionId: 's-ann-1',
      profile: { email: 'ann@example.com', name: 'Ann' },
      previousVisitorId: 'v-ann',
    }),
    make('user-app-ann', 2, '10:00:00.000', 'identity.hash-bound', {
      userId: 'ann',
      keyedHash: 'hmac-sha256:9f8e7d6c5b4a39281706f5e4d3c2b1a0',
    }),
    make(anonThread, 4, '10:00:01.000', 'conversation.conversation-merged-into', {
      contactId: anon,
      intoContactId: ann,
      messageCount: 2,
    }),
    make(annThread, 1, '10:00:01.200', 'conversation.conversation-started', { contactId: ann }),
    make(annThread, 2, '10:00:01.200', 'conversation.conversation-merged', {
      contactId: ann,
      fromContactId: anon,
      messages: [visitorMessage, agentToVisitor],
      fromReadUpTo: {},
      unread: { user: 1, agent: 1 },
    }),
    make(annThread, 3, '10:05:00.000', 'conversation.message-sent', {
      messageId: '019ab000-0000-7000-8000-0000000000m3',
      clientMessageId: 'client-u1-000',
      author: { kind: 'user', contactId: ann, deviceId: 'dev-ann' },
      text: 'Logged in now. Order #1234 "blue" never came.',
      sentAt: '2026-11-23T10:05:00.000Z',
    }),
    make(annThread, 4, '10:06:00.000', 'conversation.message-sent', {
      messageId: '019ab000-0000-7000-8000-0000000000m4',
      clientMessageId: 'client-a2-000',
      author: { kind: 'agent', agentId: 'agent-7' },
      text: 'Sorry! Resending today.',
      sentAt: '2026-11-23T10:06:00.000Z',
    }),
    make(annThread, 5, '10:07:00.000', 'conversation.thread-read', {
      contactId: ann,
      side: 'user',
      upTo: '0001795428360000_019ab000-0000-7000-8000-0000000000m4',
      unread: 0,
    }),
    make('user-app-ann', 3, '11:00:00.000', 'identity.authentication-rejected', {
      userId: 'ann',
      reason: 'security-hash-mismatch',
      clientAddress: '203.0.113.9',
    }),
    make(`contact-${ann}`, 2, '11:30:00.000', 'contact.audit-profile-noted', {
      contactId: ann,
      changes: { name: 'Ann Berg' },
      passwordHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA',
    }),
    make('session-s-ann-1', 1, '12:00:00.000', 'identity.session-ended', {
      sessionId: 's-ann-1',
      reason: 'logout',
    }),
    // Noise: bob, bob's merged visitor, other sessions and contacts, ann of another application.
    make('user-app-bob', 1, '10:30:00.000', 'identity.user-authenticated', {
      userId: 'bob',
      deviceId: 'dev-bob',
      sessionId: 's-bob-1',
      profile: {},
      previousVisitorId: 'v-bob',
    }),
    make(threadStreamId(anon2), 1, '10:10:00.000', 'conversation.conversation-started', {
      contactId: anon2,
    }),
    make(threadStreamId(anon2), 2, '10:30:01.000', 'conversation.conversation-merged-into', {
      contactId: anon2,
      intoContactId: bob,
      messageCount: 1,
    }),
    make(threadStreamId(bob), 1, '10:40:00.000', 'conversation.conversation-started', {
      contactId: bob,
    }),
    make('session-s-bob-1', 1, '12:00:00.000', 'identity.session-ended', {
      sessionId: 's-bob-1',
      reason: 'logout',
    }),
    make(`contact-${bob}`, 1, '11:30:00.000', 'contact.audit-profile-noted', {
      contactId: bob,
      changes: { name: 'Bob' },
    }),
    make(
      'user-other-ann',
      1,
      '10:00:00.000',
      'identity.user-authenticated',
      { userId: 'ann', deviceId: 'dev-x', sessionId: 's-other', profile: {} },
      otherApp,
    ),
  ];

  /** The expected lines, in time order, each with the time it occurred at. */
  const lines: [string, string][] = [
    ['09:01:00.000', `conversation.conversation-started  thread of ${anon} started`],
    [
      '09:01:00.000',
      `conversation.message-sent  visitor ${anon} on dev-ann [client-v1-000]: "Hi, is anyone there?"`,
    ],
    [
      '09:02:00.000',
      'conversation.message-sent  agent agent-7 [client-a1-000]: "Hello! Please log in so we can see your order."',
    ],
    [
      '10:00:00.000',
      'identity.user-authenticated  device dev-ann, session s-ann-1, profile email="ann@example.com" name="Ann", was visitor v-ann',
    ],
    ['10:00:00.000', 'identity.hash-bound  security hash bound (keyed hmac-sha…)'],
    ['10:00:01.000', `conversation.conversation-merged-into  merged into ${ann} (2 messages)`],
    ['10:00:01.200', `conversation.conversation-started  thread of ${ann} started`],
    ['10:00:01.200', `conversation.conversation-merged  2 messages merged from ${anon}`],
    [
      '10:05:00.000',
      'conversation.message-sent  user on dev-ann [client-u1-000]: "Logged in now. Order #1234 \\"blue\\" never came."',
    ],
    [
      '10:06:00.000',
      'conversation.message-sent  agent agent-7 [client-a2-000]: "Sorry! Resending today."',
    ],
    [
      '10:07:00.000',
      'conversation.thread-read  user read up to 0001795428360000_019ab000-0000-7000-8000-0000000000m4 (0 unread)',
    ],
    [
      '11:00:00.000',
      'identity.authentication-rejected  refused: security-hash-mismatch from 203.0.113.9',
    ],
    [
      '11:30:00.000',
      `contact.audit-profile-noted  {"contactId":"${ann}","changes":{"name":"Ann Berg"},"passwordHash":"scrypt$1…"}`,
    ],
    ['12:00:00.000', 'identity.session-ended  session s-ann-1 ended (logout)'],
  ];

  /**
   * The expected output as of a time of day (inclusive), or of all time. The anonymous chat is
   * part of ann's timeline only once it was merged into her thread (10:00:01.200).
   */
  const mergedAt = '10:00:01.200';
  const fromVisitorThread = (rest: string) =>
    rest.includes(anon) && !rest.includes('merged from') ? true : rest.includes('[client-a1-000]');
  const expectedAsOf = (time?: string): string[] =>
    lines
      .filter(([at]) => time === undefined || at <= time)
      .filter(([, rest]) => time === undefined || time >= mergedAt || !fromVisitorThread(rest))
      .map(([at, rest]) => `2026-11-23T${at}Z  ${rest}`);

  return { events, expectedAsOf, annContact: ann };
}
