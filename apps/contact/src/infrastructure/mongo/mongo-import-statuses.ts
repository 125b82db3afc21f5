import type { ImportStatus } from '@threadline/contracts';
import type { mongo } from 'mongoose';
import type { ImportProgress, ImportRecord, ImportStatusStore } from '../../application/import';

export const IMPORTS_COLLECTION = 'contact_imports';

type ImportDocument = Omit<ImportRecord, 'importId'> & { _id: string };

function toStatus(doc: ImportDocument): ImportStatus {
  return {
    importId: doc._id,
    state: doc.state,
    rowsRead: doc.rowsRead,
    rowsImported: doc.rowsImported,
    rowsUnchanged: doc.rowsUnchanged,
    errors: doc.errors,
    errorCount: doc.errorCount,
    ...(doc.failure !== undefined && doc.failure !== null && { failure: doc.failure }),
    bytesRead: doc.bytesRead,
    startedAt: doc.startedAt,
    finishedAt: doc.finishedAt,
  };
}

/** Import statuses (S10 progress and reports): one small document per import. */
export class MongoImportStatuses implements ImportStatusStore {
  constructor(private readonly db: () => mongo.Db) {}

  private get imports(): mongo.Collection<ImportDocument> {
    return this.db().collection<ImportDocument>(IMPORTS_COLLECTION);
  }

  async create(record: ImportRecord): Promise<void> {
    const { importId, ...rest } = record;
    await this.imports.insertOne({ _id: importId, ...rest });
  }

  async update(importId: string, progress: ImportProgress): Promise<void> {
    await this.imports.updateOne(
      { _id: importId },
      {
        $set: {
          state: progress.state,
          rowsRead: progress.rowsRead,
          rowsImported: progress.rowsImported,
          rowsUnchanged: progress.rowsUnchanged,
          errors: progress.errors,
          errorCount: progress.errorCount,
          bytesRead: progress.bytesRead,
          batchesWritten: progress.batchesWritten,
          finishedAt: progress.finishedAt,
          ...(progress.failure !== undefined && { failure: progress.failure }),
        },
      },
    );
  }

  async get(applicationId: string, importId: string): Promise<ImportStatus | undefined> {
    const doc = await this.imports.findOne({ _id: importId });
    return doc && doc.applicationId === applicationId ? toStatus(doc) : undefined;
  }

  async list(applicationId: string, limit: number): Promise<ImportStatus[]> {
    const docs = await this.imports
      .find({ applicationId })
      .sort({ startedAt: -1 })
      .limit(limit)
      .toArray();
    return docs.map(toStatus);
  }

  async running(): Promise<ImportRecord[]> {
    const docs = await this.imports.find({ state: 'running' }).toArray();
    return docs.map(({ _id, ...rest }) => ({ importId: _id, ...rest }));
  }
}
