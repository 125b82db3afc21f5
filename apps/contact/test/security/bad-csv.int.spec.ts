import { ImportedContactRow, ImportStatus } from '@threadline/contracts';
import { textIssuesOf } from '@threadline/service-kit';
import {
  csvFiles,
  refusalProblems,
  request,
  Tally,
  uniqueName,
  type CsvInput,
} from '@threadline/testing';
import fc from 'fast-check';
import { startContactProcess, type ContactProcess } from './contact-process';

/**
 * S10, S18, issue 9 "Bad input" for CSV imports: generated files (random bytes, wrong, duplicate
 * and missing headers, too many columns, quotes left open, lines over 1 MB, BOMs, CRLF and CR,
 * NUL, invalid UTF-8, no rows) into the real contact process. Never a 5xx; a refused file (4xx)
 * writes nothing; an accepted one accounts for every row, each refused row by its line with a
 * reason naming the column or the problem, and every row it imported passes the row contract.
 */

const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 40);

describe('bad CSV files into contact imports (real process, Kafka and store)', () => {
  let contact: ContactProcess;
  const applicationId = uniqueName('csv-app');
  const tally = new Tally();
  const findings: string[] = [];

  beforeAll(async () => {
    contact = await startContactProcess();
  }, 180_000);

  afterAll(async () => {
    console.info(`bad input: contact: ${tally.summary('CSV import')}`);
    const kinds = [...tally.byKind].map(([kind, n]) => `${kind} ${n}`).join(', ');
    console.info(`bad input: contact: CSV files by kind: ${kinds}; ${findings.length} failures`);
    await contact?.stop();
  });

  /** What is wrong with the outcome of one import; empty when it is right. */
  async function problemsOf(file: CsvInput): Promise<string[]> {
    const before = await contact.commits();
    const answer = await request(contact.url, `/internal/contacts/${applicationId}/imports`, {
      raw: file.bytes,
      headers: { 'content-type': 'text/csv' },
    });
    tally.count(file.kind, answer);
    const written = await contact.events({ streamId: { $regex: '^import-' } });
    const commits = (await contact.commits()) - before;
    const problems = refusalProblems(answer);
    if (answer.status >= 400) {
      if (commits > 0) problems.push(`refused with ${answer.status} yet wrote ${commits} commits`);
      return problems;
    }
    const status = ImportStatus.safeParse(answer.json);
    if (!status.success)
      return [...problems, `an answer off contract: ${answer.text.slice(0, 200)}`];
    const report = status.data;
    if (report.state !== 'done') problems.push(`state ${report.state}: ${report.failure}`);
    if (report.rowsRead !== report.rowsImported + report.rowsUnchanged + report.errorCount)
      problems.push(`rows do not add up: ${JSON.stringify(report)}`);
    for (const error of report.errors) {
      if (error.line < 2) problems.push(`a refused row on line ${error.line}`);
      if (!error.reason.trim()) problems.push(`line ${error.line} refused without a reason`);
    }
    const rows = written
      .filter((e) => (e.payload as { importId?: string }).importId === report.importId)
      .flatMap((e) => (e.payload as { rows: unknown[] }).rows);
    if (rows.length !== report.rowsImported)
      problems.push(`${report.rowsImported} rows reported imported, ${rows.length} written`);
    for (const row of rows) {
      const text = JSON.stringify(row);
      if (!ImportedContactRow.safeParse(row).success || textIssuesOf(row).length > 0)
        problems.push(`imported a row off contract: ${text.slice(0, 200)}`);
      // The generators never write U+FFFD: one here was decoded from bytes that are not UTF-8.
      if (text.includes('\ufffd'))
        problems.push(`imported a row decoded from invalid UTF-8: ${text.slice(0, 200)}`);
    }
    return problems;
  }

  it('forced examples first: a line over 1 MB, invalid UTF-8 in a cell, an open quote, NUL', async () => {
    for (const file of [
      {
        kind: 'huge line',
        bytes: Buffer.from(`user_id,name\nu-1,${'h'.repeat(1_100_000)}\nu-2,Ok\n`),
      },
      {
        kind: 'invalid UTF-8',
        bytes: Buffer.concat([
          Buffer.from('user_id,name\nu-'),
          Buffer.from([0xff, 0xfe]),
          Buffer.from(',Bad\nu-3,Ok\n'),
        ]),
      },
      { kind: 'open quote', bytes: Buffer.from('user_id,name\n"u-4,Open\nu-5,Ok\n') },
      { kind: 'NUL', bytes: Buffer.from('user_id,name\nu-6,N\u0000L\nu-7,Ok\n') },
    ]) {
      const problems = await problemsOf(file);
      if (problems.length > 0) findings.push(`${file.kind}: ${problems.join('; ')}`);
    }
    expect(findings).toEqual([]);
  });

  it('every generated file: a 4xx that writes nothing, or a report that accounts for every row', async () => {
    await fc.assert(
      fc.asyncProperty(csvFiles, async (file) => {
        const problems = await problemsOf(file);
        if (problems.length > 0) {
          const finding = `CSV [${file.kind}]: ${problems.join('; ')}`;
          findings.push(finding);
          throw new Error(finding);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('the process stayed up and logged no error', async () => {
    expect(contact.exitCode()).toBeNull();
    expect((await request(contact.url, '/health')).status).toBe(200);
    expect(contact.errorLines()).toEqual([]);
  });
});
