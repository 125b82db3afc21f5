/** One refused document of an unordered multi-document insert: its index in the batch and why. */
export interface InsertWriteError {
  index: number;
  code?: number;
  errmsg?: string;
}

/**
 * What an unordered `insertMany` that threw says of each of its `documents`: the write errors of
 * those the server refused, every other one inserted; or undefined when that is not known. The
 * driver throws a connection lost mid-command as the same `MongoBulkWriteError` that carries a
 * server's refusals, with an empty `writeErrors`: taken at its word, that reads "all inserted" of
 * documents the server may never have seen. So per-document outcomes are believed only when the
 * server accounted for every document (inserted + refused = sent) and no write concern failed.
 */
export function unorderedInsertErrors(
  error: unknown,
  documents: number,
): InsertWriteError[] | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { writeErrors, writeConcernError, insertedCount } = error as {
    writeErrors?: unknown;
    writeConcernError?: unknown;
    insertedCount?: unknown;
  };
  if (writeConcernError || writeErrors === undefined) return undefined;
  // The driver gives a lone write error unwrapped on some paths.
  const refused = (Array.isArray(writeErrors) ? writeErrors : [writeErrors]) as InsertWriteError[];
  if (refused.length === 0 || typeof insertedCount !== 'number') return undefined;
  if (insertedCount + refused.length !== documents) return undefined;
  return refused;
}
