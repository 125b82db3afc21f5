import mongoose from 'mongoose';

const storeServices = ['identity', 'contact', 'conversation'] as const;

/**
 * Commits each service has stored but its outbox relay has not yet published to Kafka. Zero once
 * the system is quiet, or a relay got stuck after the broker or the store came back.
 */
export async function unpublishedCommits(mongodbUri: string): Promise<Record<string, number>> {
  const connection = await mongoose
    .createConnection(mongodbUri, { serverSelectionTimeoutMS: 5_000, retryWrites: false })
    .asPromise();
  try {
    const counts = await Promise.all(
      storeServices.map((service) =>
        connection
          .useDb(`threadline_${service}`)
          .collection('commits')
          .countDocuments({ published: false }),
      ),
    );
    return Object.fromEntries(storeServices.map((s, i) => [s, counts[i]!]));
  } finally {
    await connection.close();
  }
}
