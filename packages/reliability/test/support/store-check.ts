import mongoose, { type mongo } from 'mongoose';
import { streamBreaks, type CommitRange } from '../../src/stream-breaks';

const storeServices = ['identity', 'contact', 'conversation'] as const;
type StoreService = (typeof storeServices)[number];

/** `read` run on each service's `commits` collection, over one connection to the private store. */
async function eachServiceCommits<T>(
  mongodbUri: string,
  read: (commits: mongo.Collection, service: StoreService) => Promise<T>,
): Promise<Record<StoreService, T>> {
  const connection = await mongoose
    .createConnection(mongodbUri, { serverSelectionTimeoutMS: 5_000, retryWrites: false })
    .asPromise();
  try {
    const results = await Promise.all(
      storeServices.map((service) =>
        read(connection.useDb(`threadline_${service}`).collection('commits'), service),
      ),
    );
    return Object.fromEntries(storeServices.map((s, i) => [s, results[i]!])) as Record<
      StoreService,
      T
    >;
  } finally {
    await connection.close();
  }
}

/**
 * Commits each service has stored but its outbox relay has not yet published to Kafka. Zero once
 * the system is quiet, or a relay got stuck after the broker or the store came back.
 */
export function unpublishedCommits(mongodbUri: string): Promise<Record<StoreService, number>> {
  return eachServiceCommits(mongodbUri, (commits) => commits.countDocuments({ published: false }));
}

/** Every stream of every service's store whose versions break: what no fault may leave behind. */
export async function brokenStreams(mongodbUri: string): Promise<string[]> {
  const breaks = await eachServiceCommits(mongodbUri, async (commits, service) => {
    const ranges = await commits
      .find({}, { projection: { _id: 0, streamId: 1, version: 1, lastVersion: 1 } })
      .toArray();
    return streamBreaks(ranges as unknown as CommitRange[]).map((b) => `${service} ${b}`);
  });
  return Object.values(breaks).flat();
}
