import { createKafka } from '@threadline/kafka-client';
import mongoose from 'mongoose';
import { endpointsFromEnv } from '../src/infra-mode';
import { removeRunResources } from '../src/remove-run-resources';
import { uniqueName, uniqueTopicNamespace } from '../src/unique-name';

describe('removing what a test run made (real broker and store)', () => {
  const endpoints = endpointsFromEnv();
  const admin = createKafka({
    clientId: uniqueName('teardown-test'),
    brokers: endpoints.kafkaBrokers.split(','),
    logLevel: 'error',
  }).admin();
  let connection: mongoose.Connection;

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(endpoints.mongodbUri, { retryWrites: false })
      .asPromise();
  });

  afterAll(async () => {
    await admin.disconnect();
    await connection.close();
  });

  const databaseNames = async () =>
    (await connection.db!.admin().listDatabases({ nameOnly: true })).databases.map((d) => d.name);

  it("given the run's namespace and database and another run's, when removed, then only the run's topics and databases go", async () => {
    const ours = uniqueTopicNamespace();
    const theirs = uniqueTopicNamespace();
    const database = uniqueName('teardown').replace(/-/g, '_');
    const otherDatabase = uniqueName('teardown').replace(/-/g, '_');
    await admin.ensureTopics(
      [`${ours}a.events`, `${ours}a.events.dlt`, `${theirs}a.events`].map((topic) => ({
        topic,
        partitions: 1,
      })),
    );
    // A database the run named, one a test derived from it, and another run's.
    for (const name of [database, `${database}_restart`, otherDatabase]) {
      await connection
        .useDb(name)
        .collection('c')
        .insertOne({ _id: name as never });
    }

    const removed = await removeRunResources(
      [
        { kind: 'topic-namespace', name: ours },
        { kind: 'database', name: database },
      ],
      endpoints,
    );

    expect(removed).toEqual({ topics: 2, databases: 2 });
    const topics = await admin.listTopics();
    expect(topics.filter((t) => t.startsWith(ours))).toEqual([]);
    expect(topics).toContain(`${theirs}a.events`);
    const names = await databaseNames();
    expect(names).not.toContain(database);
    expect(names).not.toContain(`${database}_restart`);
    expect(names).toContain(otherDatabase);

    await admin.deleteTopics([`${theirs}a.events`]);
    await connection.useDb(otherDatabase).dropDatabase();
  });
});
