import { contactStreamId, type ImportedContactRow } from '@threadline/contracts';
import type { ProjectionContext } from '@threadline/eventing';
import type { mongo } from 'mongoose';
import type { ContactDocument } from './contact.document';
import { chunked, insertAllNew, MAX_BULK_UPDATES } from './duplicate-keys';

/** A batch's new contacts go in this many `insertMany`s at once. */
const INSERT_PARTS = 4;

export type KeyedImportRow = ImportedContactRow & { key: string };

/**
 * Applies one batch of import rows. New contacts are inserted in bulk, the only write FerretDB
 * does fast; a contact that exists (from its own stream, an earlier import, or a redelivery) takes
 * the row only when the row's key is later than the one on file, so any order of arrival ends in
 * the same document. `createdAt` and `importedAt` keep the earliest time either way.
 */
export async function applyImportedRows(
  ctx: ProjectionContext,
  applicationId: string,
  at: string,
  rows: readonly KeyedImportRow[],
  schemaVersion: number,
): Promise<void> {
  const collection = ctx.collection as unknown as mongo.Collection<ContactDocument>;
  const documents: ContactDocument[] = rows.map((row) => ({
    _id: row.contactId,
    streamId: contactStreamId(row.contactId),
    streamVersion: 0,
    schemaVersion,
    applicationId,
    kind: row.kind,
    ...(row.userId !== undefined && { userId: row.userId }),
    own: {},
    ownAttributes: {},
    authenticated: true,
    seenAt: '',
    createdAt: at,
    importKey: row.key,
    importedProfile: row.profile,
    importedAttributes: row.attributes,
    importedAt: at,
  }));
  const taken = await insertAllNew(collection, documents, INSERT_PARTS);
  const existing = taken.map((index) => rows[index] as KeyedImportRow);
  for (const batch of chunked(existing, MAX_BULK_UPDATES / 2)) {
    await collection.bulkWrite(
      batch.flatMap((row) => [
        {
          updateOne: {
            filter: { _id: row.contactId, importKey: { $lt: row.key } },
            update: {
              $set: {
                importKey: row.key,
                importedProfile: row.profile,
                importedAttributes: row.attributes,
                authenticated: true,
                ...(row.userId !== undefined && { userId: row.userId }),
              },
            },
          },
        },
        {
          updateOne: {
            filter: { _id: row.contactId },
            update: { $min: { createdAt: at, importedAt: at } },
          },
        },
      ]),
      { ordered: true },
    );
  }
}
