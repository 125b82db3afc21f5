import type { ImportRowError, ImportStatus } from '@threadline/contracts';
import type { z } from 'zod';

/** One good row as the ledger sees it: its contact and a hash of what it puts on file. */
export interface LedgerRow {
  contactId: string;
  hash: string;
}

/**
 * The write side's memory of imported rows (S10), so a re-import records nothing new: rows whose
 * contact already has exactly this content on file are unchanged. Insert-only in the common case,
 * the only write FerretDB does fast, and never a read per row.
 */
export interface ImportLedger {
  /**
   * Claims contacts for one import, in order: false for a contact an earlier row of the same file
   * already claimed (a contact appears once per file).
   */
  claim(importId: string, contactIds: readonly string[]): Promise<boolean[]>;
  /** Drops an import's claims once it ended. */
  release(importId: string): Promise<void>;
  /** For each row, whether it is new or changed (true) or unchanged (false); records the former. */
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
