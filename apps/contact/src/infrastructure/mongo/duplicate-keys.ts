import { unorderedInsertErrors } from '@threadline/eventing';
import type { mongo } from 'mongoose';

/**
 * Inserts documents in unordered `insertMany`s, `parts` of them at once over contiguous slices,
 * and returns the indexes of those whose `_id` was already taken; any other failure is thrown.
 * FerretDB converts and PostgreSQL writes one `insertMany` on one connection: slices in parallel
 * put the other core to work.
 */
export async function insertAllNew<T extends mongo.Document>(
  collection: mongo.Collection<T>,
  documents: mongo.OptionalUnlessRequiredId<T>[],
  parts = 1,
): Promise<number[]> {
  if (parts > 1 && documents.length > 1) {
    const size = Math.ceil(documents.length / parts);
    const slices = chunked(documents, size);
    const taken = await Promise.all(slices.map((slice) => insertAllNew(collection, slice)));
    return taken.flatMap((indexes, slice) => indexes.map((index) => index + slice * size));
  }
  if (documents.length === 0) return [];
  try {
    await collection.insertMany(documents, { ordered: false });
    return [];
  } catch (error) {
    const refused = unorderedInsertErrors(error, documents.length);
    if (!refused || refused.some((e) => e.code !== 11000)) throw error;
    return refused.map((e) => e.index).sort((a, b) => a - b);
  }
}

/** FerretDB 1.24 deadlocks on bulk writes of more than about 50 updates: stay at 24. */
export const MAX_BULK_UPDATES = 24;

export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
