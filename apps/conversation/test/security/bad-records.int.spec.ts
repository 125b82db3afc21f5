import { contactIdOf, threadStreamId, type EventEnvelope } from '@threadline/contracts';
import { projectionGroupId } from '@threadline/eventing';
import {
  badRecord,
  expectCatalogApplied,
  expectParked,
  expectSkipsLogged,
  hostileText,
  isErrorLine,
  jsonLogLines,
  KafkaRecordFeed,
  planRecords,
  produceByTopic,
  recordHeaders,
  recordKeys,
  RecordTally,
  request,
  storable,
  uniqueName,
  validEventDraft,
  type Drawn,
  type PlannedRecord,
  type SharedStep,
} from '@threadline/testing';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { VISITOR_MERGE_GROUP } from '../../src';
import { startConversationProcess, type ConversationProcess } from './conversation-process';

/**
 * S18, issue 9 "Bad input" for Kafka, into the running conversation process: the same generated
 * records as contact's suite, onto `conversation.events` (the stream catalog, `threads` and
 * `thread_messages` projections) and `identity.events` (the S12 visitor-merge reactor). Each
 * projection parks an invalid record with its reason and logs a skipped unknown one; the merge
 * reactor passes both over (identity's own projections park them) and writes nothing for them;
 * valid events apply once, a redelivered merge merges nothing more; the process stays up.
 */

/** Property runs; the file stays around a minute and a half on two cores. */
const RUNS = Number(process.env.BAD_RECORDS_RUNS ?? 100);
const AT = '2026-11-24T10:00:00.000Z';

type Topic = 'identity' | 'conversation';
type Planned = PlannedRecord<Topic>;

const envelope = (
  tenantId: string,
  type: string,
  streamId: string,
  streamVersion: number,
  payload: unknown,
): EventEnvelope => ({
  eventId: uuidv7(),
  type,
  version: 1,
  occurredAt: AT,
  tenantId,
  streamId,
  streamVersion,
  correlationId: 'corr-bad-records',
  causationId: 'cause-bad-records',
  payload,
});

type ValidStep =
  { kind: 'thread-event'; thread: number; text: string | undefined } | { kind: 'merge' };
type Step = ValidStep | SharedStep<Topic>;

const steps = fc.array(
  fc.tuple(
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({
          kind: fc.constant('thread-event' as const),
          thread: fc.integer({ min: 0, max: 2 }),
          text: fc.option(hostileText(10_000), { freq: 2, nil: undefined }),
        }),
      },
      { weight: 1, arbitrary: fc.constant({ kind: 'merge' as const }) },
      {
        weight: 2,
        arbitrary: fc.record({ kind: fc.constant('redelivery' as const), pick: fc.nat() }),
      },
      {
        weight: 8,
        arbitrary: fc.constantFrom<Topic>('identity', 'conversation').map((topic): Step => ({
          kind: 'bad',
          topic,
          record: (junk) => badRecord(() => sampleOf(topic, junk)),
        })),
      },
    ),
    recordKeys,
    recordHeaders,
    fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  ),
  { minLength: 1, maxLength: 24 },
);

/** A valid event of a known type on `topic`, for a bad record to be made from. */
function sampleOf(topic: Topic, tenantId: string): EventEnvelope {
  if (topic === 'identity') {
    return envelope(tenantId, 'identity.user-authenticated', 'user-junk', 1, {
      userId: 'u-junk',
      deviceId: 'd-junk',
      sessionId: 's-junk',
      profile: {},
      previousVisitorId: 'v-junk',
    });
  }
  const contactId = contactIdOf(tenantId, { kind: 'visitor', visitorId: 'v-junk' });
  return envelope(tenantId, 'conversation.message-sent', threadStreamId(contactId), 2, {
    clientMessageId: 'c-junk',
    author: { kind: 'user', contactId, deviceId: 'd-junk' },
    text: 'junk',
  });
}

describe('bad Kafka records into the conversation process (real process, Kafka and store)', () => {
  let conversation: ConversationProcess;
  let feed: KafkaRecordFeed;
  let topicOf: Record<Topic, string>;
  let groups: { merge: string; catalog: string; threads: string; messages: string };
  const tally = new RecordTally();

  beforeAll(async () => {
    conversation = await startConversationProcess();
    topicOf = conversation.topics;
    const prefix = conversation.env.PROJECTION_GROUP_PREFIX as string;
    const group = (name: string) =>
      `${prefix}.${projectionGroupId('conversation', { name, schemaVersion: 1 })}`;
    groups = {
      merge: `${prefix}.${VISITOR_MERGE_GROUP}`,
      catalog: group('stream-catalog'),
      threads: group('threads'),
      messages: group('thread-messages'),
    };
    feed = new KafkaRecordFeed(conversation.kafka);
    await feed.watchDeadLetters(
      conversation.topics.deadLetter,
      uniqueName('conversation-dlt-reader'),
    );
  }, 180_000);

  afterAll(async () => {
    for (const line of tally.summaryLines('conversation', RUNS, conversation?.exitCode()))
      console.info(line);
    if (process.env.BAD_RECORDS_LOG) {
      writeFileSync(process.env.BAD_RECORDS_LOG, conversation?.logs() ?? '');
    }
    await feed?.close();
    await conversation?.stop();
  });

  it('every invalid record is parked or passed over, every unknown one skipped, every valid event applied once', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(steps, async (generated) => {
        const tenant = `bad-records-${run++}-${uniqueName('t')}`;
        const junk = `${tenant}-junk`;
        // A visitor with a real thread in the store, for merges to act on.
        const visitor = contactIdOf(tenant, { kind: 'visitor', visitorId: 'v-merge' });
        const user = contactIdOf(tenant, { kind: 'user', userId: 'u-merge' });
        const sent = await request(conversation.url, '/internal/threads/messages', {
          body: {
            applicationId: tenant,
            contactId: visitor,
            clientMessageId: uuidv7(),
            author: { kind: 'user', deviceId: 'dev-merge' },
            text: 'before the login',
          },
        });
        expect(sent.status).toBe(201);

        const records = plan(tenant, junk, generated);
        tally.sent(records);
        const offsets = await produceByTopic(feed, records, topicOf);
        await feed.caughtUp([{ groupId: groups.merge, topics: [topicOf.identity] }]);
        await feed.caughtUp(
          [groups.catalog, groups.threads, groups.messages].map((groupId) => ({
            groupId,
            topics: [topicOf.conversation],
          })),
        );

        // The merge reactor: no dead letter for what it passes over, one merge for any number
        // of valid logins naming the visitor, nothing for junk.
        const identity = records.filter((r) => r.topic === 'identity');
        expect(
          feed.deadLettersOf(
            topicOf.identity,
            identity.map((r) => offsets.get(r)!),
          ),
        ).toEqual([]);
        const merged = identity.some((r) => r.fate === 'applied');
        const commits = await conversation
          .db!.collection('commits')
          .find({ tenantId: { $in: [tenant, junk] } })
          .toArray();
        const streams = new Map<string, number>();
        for (const c of commits) RecordTally.add(streams, String(c.streamId));
        expect(Object.fromEntries(streams)).toEqual({
          [threadStreamId(visitor)]: merged ? 2 : 1,
          ...(merged && { [threadStreamId(user)]: 1 }),
        });
        tally.outcome(
          'passed over by the merge reactor',
          identity.filter((r) => r.fate !== 'applied' && r.fate !== 'redelivered').length,
        );
        tally.outcome('merges', merged ? 1 : 0);

        // The projections: parked by each of the three, or skipped with a log line by each.
        const mine = records.filter((r) => r.topic === 'conversation');
        const projectionGroups = [groups.catalog, groups.threads, groups.messages];
        const letters = await expectParked(
          feed,
          topicOf.conversation,
          mine,
          offsets,
          projectionGroups,
        );
        for (const letter of letters) tally.outcome(`dead-lettered (${letter.kind})`);
        const skipped = expectSkipsLogged(
          conversation.logs(),
          topicOf.conversation,
          mine,
          offsets,
          projectionGroups.length,
        );
        tally.outcome('skipped with a log line', skipped);

        // Valid thread events: each applied once, message texts kept as sent.
        const applied = mine.filter(
          (r) => r.fate === 'applied' && r.event!.streamId !== threadStreamId(visitor),
        );
        const last = new Map<string, EventEnvelope>();
        const texts = new Map<string, string[]>();
        for (const r of applied) {
          last.set(r.event!.streamId, r.event!);
          const text = (r.event!.payload as { text?: string }).text;
          if (text !== undefined)
            texts.set(r.event!.streamId, [...(texts.get(r.event!.streamId) ?? []), text]);
        }
        const db = conversation.db!;
        const ids = [...last.keys()];
        await expectCatalogApplied(
          db,
          applied.map((r) => r.event!),
        );
        const threads = await db
          .collection('threads')
          .find({ _id: { $in: ids } as never })
          .toArray();
        expect(Object.fromEntries(threads.map((d) => [d._id, d.messageCount]))).toEqual(
          Object.fromEntries(ids.map((id) => [id, texts.get(id)?.length ?? 0])),
        );
        const messages = await db
          .collection('thread_messages')
          .find({ streamId: { $in: ids } })
          .toArray();
        const stored = new Map<string, string[]>();
        for (const m of messages)
          stored.set(String(m.streamId), [
            ...(stored.get(String(m.streamId)) ?? []),
            String(m.text),
          ]);
        expect(Object.fromEntries([...stored].map(([id, t]) => [id, t.sort()]))).toEqual(
          Object.fromEntries([...texts].map(([id, t]) => [id, [...t].sort()])),
        );
        tally.outcome('applied once', applied.length);
        tally.outcome(
          'redelivered, no change',
          records.filter((r) => r.fate === 'redelivered').length,
        );

        // Nothing from a junk record.
        expect(await db.collection('threads').countDocuments({ applicationId: junk })).toBe(0);
        expect(await db.collection('thread_messages').countDocuments({ applicationId: junk })).toBe(
          0,
        );
        expect(await db.collection('stream_catalog').countDocuments({ tenantId: junk })).toBe(0);
        expect(conversation.exitCode()).toBeNull();
        expect((await fetch(`${conversation.url}/health`)).status).toBe(200);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(jsonLogLines(conversation.logs()).filter(isErrorLine)).toEqual([]);
  }, 600_000);
});

/** Steps to records: thread chains on fresh contacts, logins naming the visitor, junk. */
function plan(tenant: string, junk: string, generated: Drawn<Step>[]): Planned[] {
  const versions = [0, 0, 0];
  return planRecords(generated, junk, (step: ValidStep | undefined, i): Omit<Planned, 'key'> => {
    if (step?.kind === 'merge') {
      const event = envelope(tenant, 'identity.user-authenticated', `user-${i}`, 1, {
        userId: 'u-merge',
        deviceId: 'dev-merge',
        sessionId: `s-${i}`,
        profile: {},
        previousVisitorId: 'v-merge',
      });
      return {
        kind: 'valid login naming the visitor',
        topic: 'identity',
        value: Buffer.from(JSON.stringify(event)),
        fate: 'applied',
        event,
      };
    }
    const n = step?.kind === 'thread-event' ? step.thread : 0;
    const text = step?.kind === 'thread-event' ? step.text : undefined;
    const ok = text === undefined || storable(text);
    const tenantId = ok ? tenant : junk;
    const contactId = contactIdOf(tenantId, { kind: 'email', email: `c${n}@example.com` });
    // A dead letter takes no version: the stream's next valid event follows the last valid one.
    const version = ok ? ++versions[n]! : 2;
    return validEventDraft(
      'conversation',
      text,
      version === 1
        ? envelope(tenantId, 'conversation.conversation-started', threadStreamId(contactId), 1, {
            contactId,
          })
        : envelope(tenantId, 'conversation.message-sent', threadStreamId(contactId), version, {
            clientMessageId: `c-${i}`,
            author: { kind: 'agent', agentId: 'agent-1' },
            text: text ?? `message ${i}`,
            messageId: `m-${i}`,
            sentAt: AT,
          }),
    );
  });
}
