import type { mongo } from 'mongoose';
import type { ImportLedger, LedgerRow } from '../../application/import';
import { insertAllNew } from './duplicate-keys';

/** The content last imported for a contact: `_id` is the contact id. */
interface LedgerDocument {
  _id: string;
  hash: string;
  importId: string;
  batch: number;
  [key: string]: unknown;
}

export const LEDGER_COLLECTION = 'contact_import_ledger';
/**
 * The ledger's former layout (a row collection, a contact collection, and claims per running
 * import), replaced by `contact_import_ledger` and claims in memory: dropped at start. A contact
 * they knew is recorded again by its next import, which the projection applies idempotently.
 */
const REPLACED_COLLECTIONS = ['contact_import_rows', 'contact_import_contacts'];
const REPLACED_CLAIMS_PREFIX = 'contact_import_claims_';
/** Each update of a changed contact costs FerretDB about a millisecond: a few overlap. */
const UPDATES_IN_FLIGHT = 8;
const NAMESPACE_NOT_FOUND = 26;

/** Runs `work` on every item, at most `limit` at a time; the first failure stops the rest. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      await work(items[next++] as T).catch((error: unknown) => {
        failed = true;
        throw error;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * The import ledger on the store, one document per contact, built for FerretDB, where inserts are
 * the only fast write and only equality on an indexed field avoids a scan: a batch is one unordered
 * insert, and a contact already on file costs an update by `_id` that matches only if its content
 * changed (so an unchanged row writes nothing, and the old file imported again changes it back).
 */
export class MongoImportLedger implements ImportLedger {
  constructor(private readonly db: () => mongo.Db) {}

  private get ledger(): mongo.Collection<LedgerDocument> {
    return this.db().collection<LedgerDocument>(LEDGER_COLLECTION);
  }

  /** The `importId` index serves `forget` on MongoDB; FerretDB scans regardless. */
  async init(): Promise<void> {
    await this.dropReplaced();
    await this.ledger.createIndex({ importId: 1 });
  }

  private async dropReplaced(): Promise<void> {
    const names = (await this.db().listCollections({}, { nameOnly: true }).toArray())
      .map((collection) => collection.name)
      .filter(
        (name) => REPLACED_COLLECTIONS.includes(name) || name.startsWith(REPLACED_CLAIMS_PREFIX),
      );
    for (const name of names) {
      // Another instance starting beside this one may have dropped it first.
      await this.db()
        .collection(name)
        .drop()
        .catch((error: unknown) => {
          if ((error as { code?: unknown }).code !== NAMESPACE_NOT_FOUND) throw error;
        });
    }
  }

  async admit(importId: string, batch: number, rows: readonly LedgerRow[]): Promise<boolean[]> {
    const taken = await insertAllNew(
      this.ledger,
      rows.map((row) => ({ _id: row.contactId, hash: row.hash, importId, batch })),
    );
    const admitted = rows.map(() => true);
    await eachLimited(taken, UPDATES_IN_FLIGHT, async (index) => {
      const row = rows[index] as LedgerRow;
      const result = await this.ledger.updateOne(
        { _id: row.contactId, hash: { $ne: row.hash } },
        { $set: { hash: row.hash, importId, batch } },
      );
      admitted[index] = result.modifiedCount === 1;
    });
    return admitted;
  }

  async forget(importId: string, fromBatch: number): Promise<void> {
    await this.ledger.deleteMany({ importId, batch: { $gte: fromBatch } });
  }
}
