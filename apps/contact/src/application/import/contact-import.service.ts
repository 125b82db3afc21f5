import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { importStreamId, type ImportedContactRow, type ImportStatus } from '@threadline/contracts';
import { EVENT_STORE, type EventStore } from '@threadline/eventing';
import { v7 as uuidv7 } from 'uuid';
import { CONTACT_CLOCK, type Clock } from '../ports/clock.port';
import { ClaimedContacts } from './claimed-contacts';
import { columnsOf, CsvHeaderError, type Column } from './csv-columns';
import { csvRecords } from './csv-records';
import { rowOf } from './csv-row';
import {
  IMPORT_LEDGER,
  IMPORT_STATUS_STORE,
  type ImportLedger,
  type ImportProgress,
  type ImportStatusStore,
} from './import.ports';
import { ImportReport } from './import-report';
import { rowHash } from './row-hash';

export interface ImportOptions {
  batchRows: number;
}

export const IMPORT_OPTIONS = Symbol('IMPORT_OPTIONS');

const PROGRESS_LOG_EVERY_MS = 10_000;
/** Batches parsed but not yet recorded: what bounds the import's memory, with the batch size. */
const MAX_BATCHES_IN_FLIGHT = 2;

function duplicateReason(row: ImportedContactRow): string {
  return `duplicate: an earlier row of the file has this ${row.kind === 'user' ? 'user_id' : 'email'}`;
}

/** Reads and drops the rest of a body nobody will parse, so the client's upload completes. */
function drain(body: Readable): void {
  body.unpipe();
  body.resume();
}

interface RunningImport {
  importId: string;
  applicationId: string;
  correlationId: string;
  report: ImportReport;
  /** The contacts of the rows read so far: a later row naming one is refused. */
  claims: ClaimedContacts;
  eventsWritten: number;
  startedAt: Date;
}

/**
 * S10: a CSV streams in, rows are validated one by one and claimed in memory (a contact once per
 * file), and good rows are written in batches: the ledger drops rows already on file, and the rest
 * become one `contacts-imported` event per batch on the import's stream. One batch is written while
 * the next is parsed; the request is read no faster than that (backpressure), so memory holds two
 * batches whatever the file's size, besides the claims (32 MiB for a million contacts).
 */
@Injectable()
export class ContactImportService implements OnApplicationBootstrap {
  private readonly logger = new Logger('ContactImport');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IMPORT_LEDGER) private readonly ledger: ImportLedger,
    @Inject(IMPORT_STATUS_STORE) private readonly statuses: ImportStatusStore,
    @Inject(CONTACT_CLOCK) private readonly clock: Clock,
    @Inject(IMPORT_OPTIONS) private readonly options: ImportOptions,
  ) {}

  /**
   * An import left running by a stopped process: the batches it was writing may be in the ledger
   * without their events, so they are forgotten (a re-import then brings those rows in).
   */
  async onApplicationBootstrap(): Promise<void> {
    for (const record of await this.statuses.running()) {
      await this.ledger.forget(record.importId, record.batchesWritten + 1);
      await this.statuses.update(record.importId, {
        ...record,
        state: 'failed',
        failure:
          'interrupted: the contact service stopped during the import; import the file again',
        finishedAt: this.clock.now().toISOString(),
      });
    }
  }

  /**
   * Reads the whole body and answers with the final status. A header that cannot be imported
   * throws `CsvHeaderError` before anything is recorded.
   */
  async run(applicationId: string, body: Readable, correlationId: string): Promise<ImportStatus> {
    const report = new ImportReport();
    const records = csvRecords(body, (skip) => {
      report.rowsRead++;
      report.refuse(skip.line, skip.reason);
    })[Symbol.asyncIterator]();

    let columns: Column[];
    try {
      const header = await records.next();
      if (header.done) throw new CsvHeaderError('the file is empty: no header row');
      columns = columnsOf(header.value.cells);
    } catch (error) {
      drain(body);
      throw error;
    }

    const running: RunningImport = {
      importId: uuidv7(),
      applicationId,
      correlationId,
      report,
      claims: new ClaimedContacts(),
      eventsWritten: 0,
      startedAt: this.clock.now(),
    };
    await this.statuses.create({
      ...this.statusOf(running, 'running'),
      applicationId,
      batchesWritten: 0,
    });
    this.logger.log({ importId: running.importId, applicationId }, 'contact import started');

    let failure: string | undefined;
    try {
      await this.importRows(running, columns, records);
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
      drain(body);
      this.logger.error({ importId: running.importId, error: failure }, 'contact import failed');
    }
    const final = this.statusOf(running, failure === undefined ? 'done' : 'failed', failure);
    await this.statuses.update(running.importId, this.progressOf(running, final));
    this.logger.log({ ...final, errors: undefined }, 'contact import finished');
    return final;
  }

  private async importRows(
    running: RunningImport,
    columns: readonly Column[],
    records: AsyncIterator<{ cells: string[]; line: number; bytes: number }>,
  ): Promise<void> {
    const { report } = running;
    let batch: ImportedContactRow[] = [];
    let batches = 0;
    // Two stages, each in batch order: the ledger sorts batch N+1 while batch N is recorded.
    let sorting: Promise<unknown> = Promise.resolve();
    let recording: Promise<void> = Promise.resolve();
    const inFlight: Promise<void>[] = [];
    let loggedAt = Date.now();
    const flush = async () => {
      if (inFlight.length >= MAX_BATCHES_IN_FLIGHT) await inFlight.shift();
      const rows = batch;
      const number = ++batches;
      batch = [];
      const sorted = sorting.then(() => this.sortBatch(running, number, rows));
      const recorded = Promise.all([sorted, recording]).then(([changed]) =>
        this.recordBatch(running, number, changed),
      );
      sorting = sorted;
      recording = recorded;
      inFlight.push(recorded);
      // Handled here, awaited later: a failure meanwhile must not crash the process.
      sorted.catch(() => undefined);
      recorded.catch(() => undefined);
      if (Date.now() - loggedAt >= PROGRESS_LOG_EVERY_MS) {
        loggedAt = Date.now();
        this.logger.log(
          { ...this.statusOf(running, 'running'), errors: undefined },
          'contact import progress',
        );
      }
    };
    try {
      try {
        for (let next = await records.next(); !next.done; next = await records.next()) {
          const record = next.value;
          report.rowsRead++;
          report.bytesRead = record.bytes;
          const result = rowOf(running.applicationId, columns, record.cells, record.line);
          if (!result.ok) report.refuse(record.line, result.reason);
          else if (!running.claims.claim(result.row.contactId)) {
            report.refuse(record.line, duplicateReason(result.row));
          } else batch.push(result.row);
          if (batch.length >= this.options.batchRows) await flush();
        }
      } catch (error) {
        // What the parser could not read at all ends the file as a refused row, not the import.
        const code = (error as { code?: unknown }).code;
        if (typeof code !== 'string' || !code.startsWith('CSV_')) throw error;
        const line = (error as { lines?: unknown }).lines;
        report.rowsRead++;
        report.refuse(
          typeof line === 'number' ? line : 1,
          `the file could not be read from here on: ${(error as Error).message}`,
        );
      }
      if (batch.length > 0) await flush();
      await recording;
    } catch (error) {
      await sorting.catch(() => undefined);
      await this.ledger.forget(running.importId, report.batchesWritten + 1);
      throw error;
    }
  }

  /** The rows of a batch that are new or changed, as the ledger has them. */
  private async sortBatch(
    running: RunningImport,
    number: number,
    rows: ImportedContactRow[],
  ): Promise<ImportedContactRow[]> {
    const admitted = await this.ledger.admit(
      running.importId,
      number,
      rows.map((row) => ({ contactId: row.contactId, hash: rowHash(row) })),
    );
    running.report.rowsUnchanged += admitted.filter((a) => !a).length;
    return rows.filter((_, index) => admitted[index]);
  }

  /** One `contacts-imported` event for the batch's changed rows, then the progress. */
  private async recordBatch(
    running: RunningImport,
    number: number,
    changed: ImportedContactRow[],
  ): Promise<void> {
    const { report } = running;
    if (changed.length > 0) {
      await this.store.append(importStreamId(running.importId), running.eventsWritten, [
        {
          type: 'contact.contacts-imported',
          version: 1,
          payload: { importId: running.importId, batch: number, rows: changed },
          tenantId: running.applicationId,
          correlationId: running.correlationId,
          causationId: running.importId,
        },
      ]);
      running.eventsWritten++;
    }
    report.rowsImported += changed.length;
    report.batchesWritten = number;
    await this.statuses.update(
      running.importId,
      this.progressOf(running, this.statusOf(running, 'running')),
    );
  }

  private statusOf(
    running: RunningImport,
    state: ImportStatus['state'],
    failure?: string,
  ): ImportStatus {
    const { report } = running;
    return {
      importId: running.importId,
      state,
      rowsRead: report.rowsRead,
      rowsImported: report.rowsImported,
      rowsUnchanged: report.rowsUnchanged,
      errors: report.errors,
      errorCount: report.errorCount,
      ...(failure !== undefined && { failure }),
      bytesRead: report.bytesRead,
      startedAt: running.startedAt.toISOString(),
      finishedAt: state === 'running' ? null : this.clock.now().toISOString(),
    };
  }

  private progressOf(running: RunningImport, status: ImportStatus): ImportProgress {
    return {
      state: status.state,
      rowsRead: status.rowsRead,
      rowsImported: status.rowsImported,
      rowsUnchanged: status.rowsUnchanged,
      errors: status.errors,
      errorCount: status.errorCount,
      bytesRead: status.bytesRead,
      batchesWritten: running.report.batchesWritten,
      finishedAt: status.finishedAt,
      ...(status.failure !== undefined && { failure: status.failure }),
    };
  }
}
