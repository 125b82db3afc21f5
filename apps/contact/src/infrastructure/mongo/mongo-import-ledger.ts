import type { mongo } from 'mongoose';
import type { ImportLedger, LedgerRow } from '../../application/import';
import { chunked, insertAllNew } from './duplicate-keys';

/** One row content on file for a contact: `_id` is `<contactId>:<hash>`. */
interface LedgerRowDocument {
  _id: string;
  contactId: string;
  importId: string;
  batch: number;
  [key: string]: unknown;
}

/** A contact some import named: `_id` is the contact id. */
interface LedgerContactDocument {
  _id: string;
  [key: string]: unknown;
}

export const LEDGER_ROWS_COLLECTION = 'contact_import_rows';
/** One collection per running import, dropped whole when it ends: a drop costs nothing to scan. */
const CLAIMS_PREFIX = 'contact_import_claims_';
export const LEDGER_CONTACTS_COLLECTION = 'contact_import_contacts';

/**
 * The import ledger on the store, built from inserts, since FerretDB answers every filtered read or
 * update with a scan: an unchanged row is a duplicate `_id` in `contact_import_rows`, found
 * without reading. A contact already in `contact_import_contacts` whose row is new has changed:
 * its older contents are dropped, so importing the old file again changes it back.
 */
export class MongoImportLedger implements ImportLedger {
  constructor(private readonly db: () => mongo.Db) {}

  private get rows(): mongo.Collection<LedgerRowDocument> {
    return this.db().collection<LedgerRowDocument>(LEDGER_ROWS_COLLECTION);
  }

  private get contacts(): mongo.Collection<LedgerContactDocument> {
    return this.db().collection<LedgerContactDocument>(LEDGER_CONTACTS_COLLECTION);
  }

  /**
   * For MongoDB, where it serves the delete of a changed contact's older rows; FerretDB scans
   * regardless. `forget` runs only after a failure, so it goes without one.
   */
  async init(): Promise<void> {
    await this.rows.createIndex({ contactId: 1 });
  }

  private claims(importId: string): mongo.Collection<LedgerContactDocument> {
    return this.db().collection<LedgerContactDocument>(
      `${CLAIMS_PREFIX}${importId.replaceAll('-', '')}`,
    );
  }

  async claim(importId: string, contactIds: readonly string[]): Promise<boolean[]> {
    const firstInBatch = contactIds.map((id, index) => contactIds.indexOf(id) === index);
    const unique = contactIds.filter((_, index) => firstInBatch[index]);
    const taken = new Set(
      (
        await insertAllNew(
          this.claims(importId),
          unique.map((_id) => ({ _id })),
        )
      ).map((index) => unique[index]),
    );
    return contactIds.map((id, index) => (firstInBatch[index] ?? false) && !taken.has(id));
  }

  async release(importId: string): Promise<void> {
    await this.claims(importId)
      .drop()
      .catch(() => undefined);
  }

  async admit(importId: string, batch: number, rows: readonly LedgerRow[]): Promise<boolean[]> {
    const rowId = (row: LedgerRow) => `${row.contactId}:${row.hash}`;
    const unchanged = new Set(
      await insertAllNew(
        this.rows,
        rows.map((row) => ({ _id: rowId(row), contactId: row.contactId, importId, batch })),
      ),
    );
    const admitted = rows.map((_, index) => !unchanged.has(index));
    const fresh = rows.filter((_, index) => admitted[index]);
    // The last row of a contact in this batch is the content on file from now on.
    const latest = new Map(fresh.map((row) => [row.contactId, rowId(row)]));
    const named = [...latest.keys()];
    const namedBefore = new Set(
      (
        await insertAllNew(
          this.contacts,
          named.map((contactId) => ({ _id: contactId })),
        )
      ).map((index) => named[index] as string),
    );
    const repeated = new Set(
      fresh.map((row) => row.contactId).filter((id, i, all) => all.indexOf(id) !== i),
    );
    const superseded = [...latest.entries()].filter(
      ([contactId]) => namedBefore.has(contactId) || repeated.has(contactId),
    );
    for (const group of chunked(superseded, 8)) {
      await Promise.all(
        group.map(([contactId, current]) =>
          this.rows.deleteMany({ contactId, _id: { $ne: current } }),
        ),
      );
    }
    return admitted;
  }

  async forget(importId: string, fromBatch: number): Promise<void> {
    await this.rows.deleteMany({ importId, batch: { $gte: fromBatch } });
  }
}
