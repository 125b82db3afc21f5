import { unorderedInsertErrors } from './unordered-insert-errors';

/**
 * Inserts `docs` unordered: every document is tried. Resolves when all were inserted; rejects with
 * the MongoDB driver's `MongoBulkWriteError` when some were not (or when the outcome is unknown).
 */
export type InsertMany<T> = (docs: T[]) => Promise<void>;

export interface InsertBatcherOptions {
  /** Documents per insert at most; the rest wait for the next one. */
  maxBatch: number;
}

interface Waiting<T> {
  doc: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** The error of one document out of a batch, shaped as a single insert's error would be. */
export class DocumentInsertError extends Error {
  constructor(
    readonly code: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentInsertError';
  }
}

/**
 * Group commit: inserts that arrive while one is in flight go together in the next, as one
 * unordered multi-document insert. An idle store gets each insert at once, alone; a busy one gets
 * one command (and, on FerretDB, one backend transaction) for many, which costs less than half as
 * much store and driver CPU per document. Each caller still learns its own document's fate: a
 * duplicate key refuses only the document that collided.
 */
export class InsertBatcher<T> {
  private waiting: Waiting<T>[] = [];
  private flushing = false;

  constructor(
    private readonly insertMany: InsertMany<T>,
    private readonly options: InsertBatcherOptions,
  ) {
    if (!Number.isInteger(options.maxBatch) || options.maxBatch < 1) {
      throw new Error(`maxBatch must be a positive integer, got ${options.maxBatch}`);
    }
  }

  insert(doc: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ doc, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.options.maxBatch);
        await this.insertBatch(batch);
      }
    } finally {
      this.flushing = false;
    }
  }

  private async insertBatch(batch: Waiting<T>[]): Promise<void> {
    try {
      await this.insertMany(batch.map((w) => w.doc));
    } catch (error) {
      const writeErrors = unorderedInsertErrors(error, batch.length);
      // Unknown outcomes are failures: a caller told "stored" of a document never stored acts on
      // it (answers the client, publishes it) and the store forks from what was acknowledged.
      if (!writeErrors) {
        for (const w of batch) w.reject(error);
        return;
      }
      const failed = new Map(writeErrors.map((e) => [e.index, e]));
      batch.forEach((w, index) => {
        const writeError = failed.get(index);
        if (writeError === undefined) w.resolve();
        else w.reject(new DocumentInsertError(writeError.code, writeError.errmsg ?? String(error)));
      });
      return;
    }
    for (const w of batch) w.resolve();
  }
}
