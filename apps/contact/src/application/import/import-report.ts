import { MAX_LISTED_IMPORT_ERRORS } from '@threadline/contracts';
import type { RowError } from './import.ports';

/**
 * The counts of one import and its first refused rows: a file of a million bad rows lists a
 * hundred and counts the rest, so the report's memory is bounded.
 */
export class ImportReport {
  rowsRead = 0;
  rowsImported = 0;
  rowsUnchanged = 0;
  errorCount = 0;
  bytesRead = 0;
  batchesWritten = 0;
  private readonly listed: RowError[] = [];

  refuse(line: number, reason: string): void {
    this.errorCount++;
    if (this.listed.length < MAX_LISTED_IMPORT_ERRORS) this.listed.push({ line, reason });
  }

  /** In line order: refusals found by the parser can come before rows read earlier. */
  get errors(): RowError[] {
    return [...this.listed].sort((a, b) => a.line - b.line);
  }
}
