import type { mongo } from 'mongoose';
import type { ImportLedger, LedgerRow } from '../../application/import';
import { chunked, insertAllNew, MAX_BULK_UPDATES } from './duplicate-keys';

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
/** Bulk updates of contacts already on file, overlapped: FerretDB applies each one by one. */
const BULKS_IN_FLIGHT = 4;
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
 * insert, and contacts already on file cost bulk updates by `_id` that match only if the content
 * changed (so an unchanged row writes nothing, and the old file imported again changes it back).
 */
export class MongoImportLedger implements ImportLedger {
  constructor(private readonly db: () => mongo.Db) {}

  private get ledger(): mongo.Collection<LedgerDocument> {
    return this.db().collection<LedgerDocument>(LEDGER_COLLECTION);
  }

  /** The `importId` index serves `forget` and a re-import's changed rows (on FerretDB through its GIN twin). */
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
    if (taken.length === 0) return admitted;
    // A contact on file is updated only if its content changed, and then carries this batch: bulk
    // results only count, so the batch's own documents tell which ones changed afterwards.
    let modified = 0;
    await eachLimited(chunked(taken, MAX_BULK_UPDATES), BULKS_IN_FLIGHT, async (chunk) => {
      const result = await this.ledger.bulkWrite(
        chunk.map((index) => {
          const row = rows[index] as LedgerRow;
          return {
            updateOne: {
              filter: { _id: row.contactId, hash: { $ne: row.hash } },
              update: { $set: { hash: row.hash, importId, batch } },
            },
          };
        }),
        { ordered: false },
      );
      modified += result.modifiedCount;
    });
    if (modified === taken.length) return admitted;
    const changed = modified === 0 ? new Set<string>() : await this.idsOfBatch(importId, batch);
    for (const index of taken) admitted[index] = changed.has((rows[index] as LedgerRow).contactId);
    return admitted;
  }

  /** Equality on the indexed `importId`: FerretDB reads the batch's documents, not the ledger. */
  private async idsOfBatch(importId: string, batch: number): Promise<Set<string>> {
    const docs = await this.ledger.find({ importId, batch }, { projection: { _id: 1 } }).toArray();
    return new Set(docs.map((doc) => doc._id));
  }

  async forget(importId: string, fromBatch: number): Promise<void> {
    await this.ledger.deleteMany({ importId, batch: { $gte: fromBatch } });
  }
}
