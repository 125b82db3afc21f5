import {
  contactIdOf,
  contactStreamId,
  threadStreamId,
  type EventEnvelope,
} from '@threadline/contracts';
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
  storable,
  storedEnvelopes,
  uniqueName,
  validEventDraft,
  type Drawn,
  type PlannedRecord,
  type SharedStep,
} from '@threadline/testing';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { startContactProcess, type ContactProcess } from './contact-process';

/**
 * S18, issue 9 "Bad input" for Kafka, into the running contact process: generated records
 * (random bytes, invalid JSON, broken envelopes, payloads against their contract, unknown types
 * and future versions, text that is not UTF-8, hostile strings, huge and deeply nested values,
 * garbage keys and headers) interleaved with valid events and redeliveries, onto each topic it
 * consumes: `identity.events` and `conversation.events` (its reactor) and `contact.events` (the
 * stream catalog and `contacts`). Invalid records are dead-lettered by each consumer with a
 * reason, unknown ones skipped with a log line, valid events applied once; the process stays up.
 */

/** Property runs; the file stays around a minute and a half on two cores. */
const RUNS = Number(process.env.BAD_RECORDS_RUNS ?? 50);
const AT = '2026-11-24T10:00:00.000Z';

type Topic = 'identity' | 'conversation' | 'contact';
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
  | { kind: 'visitor-started' | 'user-authenticated' | 'message-sent'; text: string | undefined }
  | { kind: 'contact-event'; contact: number; text: string | undefined };
type Step = ValidStep | SharedStep<Topic>;

const maybeHostile = (max: number) => fc.option(hostileText(max), { freq: 2, nil: undefined });
const steps = fc.array(
  fc.tuple(
    fc.oneof(
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('visitor-started' as const),
          text: maybeHostile(255),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('user-authenticated' as const),
          text: maybeHostile(255),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('message-sent' as const),
          text: maybeHostile(10_000),
        }),
      },
      {
        weight: 3,
        arbitrary: fc.record({
          kind: fc.constant('contact-event' as const),
          contact: fc.integer({ min: 0, max: 2 }),
          text: maybeHostile(255),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({ kind: fc.constant('redelivery' as const), pick: fc.nat() }),
      },
      {
        weight: 8,
        arbitrary: fc
          .constantFrom<Topic>('identity', 'conversation', 'contact')
          .map((topic): Step => ({
            kind: 'bad',
            topic,
            record: (junk) => badRecord(() => sampleOf(topic, junk)),
          })),
      },
    ),
    recordKeys,
    recordHeaders,
    // Each bad record's own draw, taken here so the whole run shrinks as one value.
    fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  ),
  { minLength: 1, maxLength: 24 },
);

/** A valid event of a known type on `topic`, for a bad record to be made from. */
function sampleOf(topic: Topic, tenantId: string): EventEnvelope {
  const visitor = contactIdOf(tenantId, { kind: 'visitor', visitorId: 'v-junk' });
  switch (topic) {
    case 'identity':
      return envelope(tenantId, 'identity.visitor-started', 'visitor-junk', 1, {
        visitorId: 'v-junk',
        deviceId: 'd-junk',
        generatedName: 'Junk Duck (anonym)',
        prefill: {},
      });
    case 'conversation':
      return envelope(tenantId, 'conversation.message-sent', threadStreamId(visitor), 2, {
        clientMessageId: 'c-junk',
        author: { kind: 'user', contactId: visitor, deviceId: 'd-junk' },
        text: 'junk',
      });
    case 'contact':
      return envelope(tenantId, 'contact.contact-seen', contactStreamId(visitor), 1, {
        contactId: visitor,
        at: AT,
        via: 'message',
      });
  }
}

describe('bad Kafka records into the contact process (real process, Kafka and store)', () => {
  let contact: ContactProcess;
  let feed: KafkaRecordFeed;
  let topicOf: Record<Topic, string>;
  let groups: { reactor: string; catalog: string; contacts: string };
  const tally = new RecordTally();

  beforeAll(async () => {
    contact = await startContactProcess();
    topicOf = contact.topics;
    const prefix = contact.env.PROJECTION_GROUP_PREFIX as string;
    const group = (name: string) =>
      `${prefix}.${projectionGroupId('contact', { name, schemaVersion: 1 })}`;
    groups = {
      reactor: group('contact-reactor'),
      catalog: group('stream-catalog'),
      contacts: group('contacts'),
    };
    // The process's namespace: this file's copy of contracts may not have adopted it.
    const dlt = `${contact.env.TOPIC_NAMESPACE}contact.events.dlt`;
    const admin = contact.kafka.admin();
    await admin.ensureTopics([{ topic: dlt, partitions: 1, configs: {} }]);
    await admin.disconnect();
    feed = new KafkaRecordFeed(contact.kafka);
    await feed.watchDeadLetters(dlt, uniqueName('contact-dlt-reader'));
  }, 180_000);

  afterAll(async () => {
    for (const line of tally.summaryLines('contact', RUNS, contact?.exitCode())) console.info(line);
    if (process.env.BAD_RECORDS_LOG)
      writeFileSync(process.env.BAD_RECORDS_LOG, contact?.logs() ?? '');
    await feed?.close();
    await contact?.stop();
  });

  /** Turns steps into records: fresh subjects per valid event, redeliveries repeat one. */
  function materialize(run: number, generated: Drawn<Step>[]): Planned[] {
    const tenant = `bad-records-${run}-${uniqueName('t')}`;
    const junk = `${tenant}-junk`;
    const versions = [0, 0, 0];
    return planRecords(generated, junk, (step: ValidStep | undefined, i) =>
      toValid(
        step ?? { kind: 'contact-event', contact: 0, text: undefined },
        tenant,
        junk,
        i,
        versions,
      ),
    );
  }

  it('every invalid record is parked, every unknown one skipped, every valid event applied once', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(steps, async (generated) => {
        const records = materialize(run++, generated);
        tally.sent(records);
        // One topic at a time, in plan order per topic (each has one partition).
        const offsets = await produceByTopic(feed, records, topicOf);
        await feed.caughtUp([
          { groupId: groups.reactor, topics: [topicOf.identity, topicOf.conversation] },
        ]);
        await checkReactor(records, offsets);
        await feed.caughtUp([
          { groupId: groups.catalog, topics: [topicOf.contact] },
          { groupId: groups.contacts, topics: [topicOf.contact] },
        ]);
        await checkProjections(records, offsets);
        expect(contact.exitCode()).toBeNull();
        expect((await fetch(`${contact.url}/health`)).status).toBe(200);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    const errors = jsonLogLines(contact.logs()).filter(isErrorLine);
    expect(errors).toEqual([]);
  }, 600_000);

  async function checkReactor(records: Planned[], offsets: Map<Planned, string>) {
    for (const topic of ['identity', 'conversation'] as const) {
      const mine = records.filter((r) => r.topic === topic);
      for (const letter of await expectParked(feed, topicOf[topic], mine, offsets, [
        groups.reactor,
      ]))
        tally.outcome(`dead-lettered (${letter.kind})`);
      skipsLogged(topic, mine, offsets, 1);
    }
    // Applied once: each valid event caused exactly one commit, nothing else did.
    const tenants = new Set(records.flatMap((r) => (r.event ? [r.event.tenantId] : [])));
    const commits = (await contact.db!.collection('commits').find().toArray()).filter((c) =>
      storedEnvelopes<EventEnvelope>(c).some(
        (e) => tenants.has(e.tenantId) || e.tenantId.endsWith('-junk'),
      ),
    );
    const reacted = records.filter((r) => r.topic !== 'contact' && r.fate === 'applied');
    const byCause = new Map<string, number>();
    for (const c of commits)
      RecordTally.add(byCause, storedEnvelopes<EventEnvelope>(c)[0]!.causationId);
    expect(Object.fromEntries(byCause)).toEqual(
      Object.fromEntries(reacted.map((r) => [r.event!.eventId, 1])),
    );
    tally.outcome('applied once (reactor)', reacted.length);
  }

  async function checkProjections(records: Planned[], offsets: Map<Planned, string>) {
    const mine = records.filter((r) => r.topic === 'contact');
    // Each projection parks it once: the stream catalog and `contacts`.
    const projections = [groups.catalog, groups.contacts];
    for (const letter of await expectParked(feed, topicOf.contact, mine, offsets, projections))
      tally.outcome(`dead-lettered (${letter.kind})`);
    skipsLogged('contact', mine, offsets, 2);
    // Applied once: each contact's document holds its last version and each event counted once.
    const applied = mine.filter((r) => r.fate === 'applied');
    await expectCatalogApplied(
      contact.db!,
      applied.map((r) => r.event!),
    );
    const names = new Map<string, string | undefined>();
    for (const r of applied) {
      const p = r.event!.payload as { contactId: string; profile?: { name?: string } };
      if (p.profile) names.set(p.contactId, p.profile.name);
    }
    const docs = await contact
      .db!.collection('contacts')
      .find({ _id: { $in: [...names.keys()] } as never })
      .toArray();
    expect(Object.fromEntries(docs.map((d) => [d._id, (d.own as { name?: string }).name]))).toEqual(
      Object.fromEntries(names),
    );
    tally.outcome('applied once (projections)', applied.length);
    tally.outcome('redelivered, no change', records.filter((r) => r.fate === 'redelivered').length);
    // Nothing from a junk record: no document names its tenant.
    const junkTenant = /-junk$/;
    expect(
      await contact
        .db!.collection('contacts')
        .countDocuments({ applicationId: { $regex: junkTenant } }),
    ).toBe(0);
    expect(
      await contact
        .db!.collection('stream_catalog')
        .countDocuments({ tenantId: { $regex: junkTenant } }),
    ).toBe(0);
  }

  function skipsLogged(
    topic: Topic,
    mine: Planned[],
    offsets: Map<Planned, string>,
    consumers: number,
  ) {
    const skipped = expectSkipsLogged(contact.logs(), topicOf[topic], mine, offsets, consumers);
    tally.outcome('skipped with a log line', skipped);
  }
});

/** A valid event with fresh subjects; a string the store cannot keep makes it a dead letter. */
function toValid(
  step: ValidStep,
  tenant: string,
  junk: string,
  i: number,
  versions: number[],
): Omit<Planned, 'key'> {
  const { text } = step;
  const ok = text === undefined || storable(text);
  const tenantId = ok ? tenant : junk;
  const done = (topic: Topic, event: EventEnvelope) => validEventDraft(topic, text, event);
  switch (step.kind) {
    case 'visitor-started':
      return done(
        'identity',
        envelope(tenantId, 'identity.visitor-started', `visitor-${i}`, 1, {
          visitorId: `v-${i}`,
          deviceId: `d-${i}`,
          generatedName: text ?? 'Calm Owl (anonym)',
          prefill: {},
        }),
      );
    case 'user-authenticated':
      return done(
        'identity',
        envelope(tenantId, 'identity.user-authenticated', `user-${i}`, 1, {
          userId: text ?? `u-${i}`,
          deviceId: `d-${i}`,
          sessionId: `s-${i}`,
          profile: { name: text ?? `User ${i}` },
        }),
      );
    case 'message-sent': {
      const contactId = contactIdOf(tenantId, { kind: 'visitor', visitorId: `w-${i}` });
      return done(
        'conversation',
        envelope(tenantId, 'conversation.message-sent', threadStreamId(contactId), 2, {
          clientMessageId: `c-${i}`,
          author: { kind: 'user', contactId, deviceId: `d-${i}` },
          text: text ?? 'hello',
        }),
      );
    }
    case 'contact-event': {
      const n = step.kind === 'contact-event' ? step.contact : 0;
      const contactId = contactIdOf(tenantId, { kind: 'email', email: `c${n}@example.com` });
      // A dead letter takes no version: the stream's next valid event follows the last valid one.
      const version = ok ? ++versions[n]! : 1;
      const payload =
        version === 1 || !ok
          ? {
              contactId,
              kind: 'email',
              profile: { name: text ?? `Contact ${n}` },
              source: 'import',
              authenticated: true,
            }
          : { contactId, at: AT, via: 'message' };
      return done(
        'contact',
        envelope(
          tenantId,
          version === 1 || !ok ? 'contact.contact-created' : 'contact.contact-seen',
          contactStreamId(contactId),
          version,
          payload,
        ),
      );
    }
  }
}
