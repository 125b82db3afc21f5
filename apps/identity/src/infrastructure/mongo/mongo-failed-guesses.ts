import type { mongo } from 'mongoose';
import type { FailedGuesses } from '../../application/authentication/ports/failed-guesses.port';

export const FAILED_GUESSES_COLLECTION = 'widget_auth_failures';

interface FailedGuessDocument {
  applicationId: string;
  clientAddress: string;
  at: Date;
}

/**
 * One document per failed guess. FerretDB has no TTL indexes, so every write prunes what fell out
 * of the window; once an address is throttled its refusals are not guesses, so this stays small.
 */
export class MongoFailedGuesses implements FailedGuesses {
  private indexed?: Promise<unknown>;

  constructor(private readonly db: () => mongo.Db) {}

  private get collection(): mongo.Collection<FailedGuessDocument> {
    return this.db().collection<FailedGuessDocument>(FAILED_GUESSES_COLLECTION);
  }

  private async ready(): Promise<mongo.Collection<FailedGuessDocument>> {
    this.indexed ??= Promise.all([
      this.collection.createIndex({ applicationId: 1, clientAddress: 1, at: -1 }),
      this.collection.createIndex({ at: 1 }),
    ]).catch((error: unknown) => {
      this.indexed = undefined;
      throw error;
    });
    await this.indexed;
    return this.collection;
  }

  async recent(
    applicationId: string,
    clientAddress: string,
    since: Date,
    limit: number,
  ): Promise<number[]> {
    const collection = await this.ready();
    const docs = await collection
      .find({ applicationId, clientAddress, at: { $gt: since } })
      .sort({ at: -1 })
      .limit(limit)
      .toArray();
    return docs.map((doc) => doc.at.getTime());
  }

  async record(
    applicationId: string,
    clientAddress: string,
    at: Date,
    pruneBefore: Date,
  ): Promise<void> {
    const collection = await this.ready();
    await collection.insertOne({ applicationId, clientAddress, at });
    await collection.deleteMany({ at: { $lt: pruneBefore } });
  }
}
