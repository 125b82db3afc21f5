import { createKafka } from '@threadline/kafka-client';
import mongoose from 'mongoose';
import type { RunResource } from './run-resources';

/** What the teardown removed. */
export interface RemovedResources {
  topics: number;
  databases: number;
}

/** Names the run handed out are unique, so a name also owns what a test derived from it. */
const ownedBy = (prefixes: readonly string[]) => (name: string) =>
  prefixes.some((prefix) => name.startsWith(prefix));

/**
 * Deletes the topics under the run's namespaces and drops the databases it named (and those a
 * test derived from them, such as `<name>_restart`): on a developer's broker and store they would
 * otherwise pile up run after run.
 */
export async function removeRunResources(
  resources: readonly RunResource[],
  endpoints: { kafkaBrokers: string; mongodbUri: string },
): Promise<RemovedResources> {
  const names = (kind: RunResource['kind']) =>
    resources.filter((resource) => resource.kind === kind).map((resource) => resource.name);
  const namespaces = names('topic-namespace');
  const databases = names('database');
  const removed: RemovedResources = { topics: 0, databases: 0 };

  if (namespaces.length > 0) {
    const admin = createKafka({
      clientId: 'threadline-test-teardown',
      brokers: endpoints.kafkaBrokers.split(','),
      logLevel: 'error',
    }).admin();
    try {
      const topics = (await admin.listTopics()).filter(ownedBy(namespaces));
      if (topics.length > 0) await admin.deleteTopics(topics);
      removed.topics = topics.length;
    } finally {
      await admin.disconnect();
    }
  }

  if (databases.length > 0) {
    const connection = await mongoose
      .createConnection(endpoints.mongodbUri, { retryWrites: false })
      .asPromise();
    try {
      const listed = await connection.db!.admin().listDatabases({ nameOnly: true });
      for (const { name } of listed.databases.filter((db) => ownedBy(databases)(db.name))) {
        await connection.useDb(name).dropDatabase();
        removed.databases++;
      }
    } finally {
      await connection.close();
    }
  }
  return removed;
}
