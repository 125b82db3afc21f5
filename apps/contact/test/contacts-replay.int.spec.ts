import { replayProjection } from '@threadline/eventing';
import { createKafka } from '@threadline/kafka-client';
import { endpointsFromEnv, uniqueName } from '@threadline/testing';
import mongoose from 'mongoose';
import { CONTACTS_COLLECTION as contactsCollection } from '../src/infrastructure/mongo/contact.document';
import { contactsProjection } from '../src/projections';
import {
  eventsOf,
  eventually,
  getJson,
  sendJson,
  startContactService,
  type ContactServiceUnderTest,
} from './contact-service.harness';
import { documentDifferences, fingerprintLine, replayEvidence, snapshot } from './replay-diagnosis';

describe('contacts projection replay (S15) on the real broker and store', () => {
  let service: ContactServiceUnderTest;
  const applicationId = uniqueName('app');
  const events = eventsOf(applicationId);

  beforeAll(async () => {
    service = await startContactService();
  });

  afterAll(async () => {
    await service?.dispose();
  });

  it('rebuilds from offset 0 to exactly the live collection', async () => {
    const base = `${service.url}/internal/contacts/${applicationId}`;
    await service.publish(service.topics.identity, [
      events.userAuthenticated('u-1', { profile: { name: 'Ann' } }),
      events.visitorStarted('v-1', 'Shy Owl (anonym)'),
      events.visitorStarted('v-2', 'Odd Emu (anonym)'),
    ]);
    const csv =
      'user_id,email,name,plan\nu-1,ann@example.com,Ann Imported,pro\nu-2,,Bob,free\n,cat@example.com,Cat,\n';
    const imported = await fetch(`${base}/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: csv,
    });
    expect(imported.status).toBe(202);
    const v1 = events.visitorContactId('v-1');
    await eventually(
      async () => ((await getJson(`${base}/${v1}`)).status === 200 ? true : undefined),
      'v-1',
    );
    await sendJson('POST', `${service.url}/internal/contacts/pre-chat`, {
      applicationId,
      contactId: v1,
      name: 'Vic',
      email: 'vic@example.com',
    });
    // The import is accepted (202) before it is projected; its contact takes attributes once listed.
    const u2 = events.userContactId('u-2');
    await eventually(
      async () => ((await getJson(`${base}/${u2}`)).status === 200 ? true : undefined),
      'u-2 imported',
    );
    const patched = await sendJson('PATCH', `${base}/${u2}/attributes`, {
      attributes: { seats: 4, plan: null },
    });
    expect(patched.status).toBeLessThan(300);
    await service.publish(service.topics.conversation, [events.messageSent(v1, 'user', 1)]);
    await service.publish(service.topics.identity, [
      events.userAuthenticated('u-3', { previousVisitorId: 'v-1' }),
    ]);
    const { mongodbUri, kafkaBrokers } = endpointsFromEnv();
    const connection = await mongoose
      .createConnection(mongodbUri, { dbName: service.env.MONGODB_DATABASE, retryWrites: false })
      .asPromise();
    const kafka = createKafka({
      clientId: uniqueName('replay'),
      brokers: kafkaBrokers.split(','),
      logLevel: 'error',
    });
    try {
      // A wait that times out prints what the service wrote and what reached the topics.
      const explained = async <T>(wait: Promise<T>, state: () => unknown): Promise<T> => {
        try {
          return await wait;
        } catch (error) {
          process.stdout.write(
            `${String(error)}\nlast state: ${JSON.stringify(state())}\n${await replayEvidence(
              kafka,
              Object.values(service.topics),
              connection.db as never,
            )}\n`,
          );
          throw error;
        }
      };
      let lastPage: unknown;
      await explained(
        eventually(async () => {
          const page = (await getJson(`${base}?limit=100`)).body.contacts as {
            customAttributes: Record<string, unknown>;
            name: string;
          }[];
          lastPage = page;
          const u2 = page.find((c) => c.name === 'Bob');
          return page.length === 5 &&
            u2?.customAttributes.seats === 4 &&
            page.some((c) => c.name === 'Vic')
            ? true
            : undefined;
        }, 'everything projected'),
        () => lastPage,
      );
      // The live projection must have applied every contact event before it is compared: every
      // commit published, and the projection's group committed up to each partition's end.
      const admin = kafka.admin();
      const group = `${service.env.PROJECTION_GROUP_PREFIX}.contact.contacts.v1`;
      let lastOffsets: unknown;
      await explained(
        eventually(async () => {
          const unpublished = await connection
            .collection('commits')
            .countDocuments({ published: false });
          const ends = await admin.fetchTopicOffsets(service.topics.contact);
          const [committed] = await admin.fetchGroupOffsets(group, [service.topics.contact]);
          lastOffsets = { unpublished, ends, committed: committed?.partitions };
          if (unpublished > 0) return undefined;
          const at = new Map(committed?.partitions.map((p) => [p.partition, BigInt(p.offset)]));
          return ends.every(
            (end) => BigInt(end.high) === 0n || (at.get(end.partition) ?? -1n) >= BigInt(end.high),
          )
            ? true
            : undefined;
        }, 'the live projection caught up'),
        () => lastOffsets,
      );
      await admin.disconnect();
      await service.stop();
      const contacts = connection.collection(contactsCollection);
      const live = await snapshot(contacts);
      // Retries and refused events of the replay: evidence when it does not match.
      const replayLog: string[] = [];
      const report = await replayProjection({
        service: 'contact',
        kafka,
        db: connection.db as never,
        projection: contactsProjection({ topics: [service.topics.contact] }),
        logger: (line) => replayLog.push(JSON.stringify(line)),
      });
      if (!report.matched) {
        // The replay swapped the rebuilt collection in: compare it with the live snapshot.
        const differences = documentDifferences(live, await snapshot(contacts));
        process.stdout.write(
          [
            'contacts replay mismatch',
            fingerprintLine('live', report.live),
            fingerprintLine('rebuilt', report.rebuilt),
            ...differences.map(
              (d) => `${d._id} ${d.field || '(document)'}: live ${d.live} | rebuilt ${d.rebuilt}`,
            ),
            ...replayLog.filter((line) => !line.includes('"level":"info"')),
            await replayEvidence(kafka, [service.topics.contact], connection.db as never),
          ].join('\n') + '\n',
        );
        expect(differences).toEqual([]);
      }
      expect(report.live.count).toBe(6);
      expect(report.rebuilt).toEqual(report.live);
      expect(report.matched).toBe(true);
    } finally {
      await connection.close();
    }
  });
});
