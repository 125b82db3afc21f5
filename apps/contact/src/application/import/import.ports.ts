import type { ImportRowError, ImportStatus } from '@threadline/contracts';
import type { z } from 'zod';

/** One good row as the ledger sees it: its contact and a hash of what it puts on file. */
export interface LedgerRow {
  contactId: string;
  hash: string;
}

/**
 * The write side's memory of imported rows (S10): the content last imported for each contact, so
 * a re-import records nothing new. One insert per new contact, the only write FerretDB does fast,
 * nothing for an unchanged one, and never a read per row.
 */
export interface ImportLedger {
  /**
   * For each row, whether it is new or changed (true) or unchanged (false); records the former.
   * The rows name distinct contacts (the import claims each contact once).
   */
  admit(importId: string, batch: number, rows: readonly LedgerRow[]): Promise<boolean[]>;
  /** Forgets what `admit` recorded for batches from `fromBatch` on, whose events were never written. */
  forget(importId: string, fromBatch: number): Promise<void>;
}

export const IMPORT_LEDGER = Symbol('IMPORT_LEDGER');

/** An import's status as stored: the API shape plus what recovery needs. */
export interface ImportRecord extends ImportStatus {
  applicationId: string;
  batchesWritten: number;
}

export type ImportProgress = Pick<
  ImportRecord,
  | 'state'
  | 'rowsRead'
  | 'rowsImported'
  | 'rowsUnchanged'
  | 'errors'
  | 'errorCount'
  | 'bytesRead'
  | 'batchesWritten'
  | 'finishedAt'
  | 'failure'
>;

export interface ImportStatusStore {
  create(record: ImportRecord): Promise<void>;
  update(importId: string, progress: ImportProgress): Promise<void>;
  get(applicationId: string, importId: string): Promise<ImportStatus | undefined>;
  /** The application's latest imports, newest first. */
  list(applicationId: string, limit: number): Promise<ImportStatus[]>;
  /** Imports left `running` by a process that stopped. */
  running(): Promise<ImportRecord[]>;
}

export const IMPORT_STATUS_STORE = Symbol('IMPORT_STATUS_STORE');

export type RowError = z.infer<typeof ImportRowError>;
