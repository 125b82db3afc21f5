import type { Readable } from 'node:stream';
import { parse, type CsvError, type Options } from 'csv-parse';
import { CsvHeaderError } from './csv-columns';
import { utf8Guard } from './utf8-guard';

/** A row longer than this is refused on its own; it also bounds what one open quote can buffer. */
export const MAX_RECORD_CHARACTERS = 256 * 1024;

/** One record of the file: its cells, the line it starts on (the header is line 1), bytes read. */
export interface CsvRecord {
  cells: string[];
  line: number;
  bytes: number;
}

export interface CsvSkip {
  line: number;
  reason: string;
}

function reasonOf(error: CsvError, line: number): string {
  const end = typeof error.lines === 'number' ? error.lines : line;
  const lines = end > line ? ` (lines ${line}-${end})` : '';
  switch (error.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_QUOTE_NOT_CLOSED':
      return `a quoted field is not closed where it should be${lines}`;
    case 'CSV_MAX_RECORD_SIZE':
      return `the row is longer than ${MAX_RECORD_CHARACTERS} characters`;
    default:
      return error.message;
  }
}

/**
 * Streams a CSV body through csv-parse with backpressure: records are pulled as the consumer is
 * ready, so the request is read no faster than rows are written. Records the parser cannot read
 * are reported through `onSkip` with the line they start on, and parsing goes on; bytes that are
 * not UTF-8 end the file there, reported the same way.
 */
export function csvRecords(
  body: Readable,
  onSkip: (skip: CsvSkip) => void,
): AsyncIterable<CsvRecord> {
  // Parser-side positions: 'skip' and on_record both run in parse order, ahead of the consumer.
  let endOfLast = 0;
  let emptyBefore = 0;
  const startOf = (emptyLines: number) => endOfLast + 1 + (emptyLines - emptyBefore);
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    // A stray quote stays text; csv-parse's recovery from it would swallow the rest of the file.
    relax_quotes: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARACTERS,
    // csv-parse types `on_record` as returning a record of the input's shape; it may return any.
    on_record: ((
      cells: string[],
      context: { lines: number; empty_lines: number; bytes: number },
    ) => {
      const line = startOf(context.empty_lines);
      endOfLast = context.lines;
      emptyBefore = context.empty_lines;
      return { cells, line, bytes: context.bytes } satisfies CsvRecord;
    }) as unknown as Options['on_record'],
  });
  parser.on('skip', (error: CsvError) => {
    const line = startOf(typeof error.empty_lines === 'number' ? error.empty_lines : emptyBefore);
    onSkip({ line, reason: reasonOf(error, line) });
    if (typeof error.lines === 'number') endOfLast = error.lines;
    if (typeof error.empty_lines === 'number') emptyBefore = error.empty_lines;
  });
  const guard = utf8Guard(({ line }) => {
    if (line === 1) parser.destroy(new CsvHeaderError('line 1 (the header) is not valid UTF-8'));
    else onSkip({ line, reason: 'is not valid UTF-8; the file was not read past this line' });
  });
  body.on('error', (error) => parser.destroy(error));
  return body.pipe(guard).pipe(parser) as AsyncIterable<CsvRecord>;
}
