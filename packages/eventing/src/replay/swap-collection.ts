import type { mongo } from 'mongoose';
import { compactTimestamp } from './rebuild-names';

/**
 * Replaces `target` with `source`. On MongoDB this is one atomic renameCollection with dropTarget.
 * FerretDB 1.24 answers that with NotImplemented (code 238), so there the old collection is renamed
 * aside, the new one renamed in, and the old one dropped: readers may find no collection for a few
 * milliseconds, and a failure in between puts the old one back.
 */
export async function swapCollection(
  db: mongo.Db,
  source: string,
  target: string,
  now: () => Date = () => new Date(),
): Promise<void> {
  try {
    await db.renameCollection(source, target, { dropTarget: true });
    return;
  } catch (error) {
    if ((error as { code?: unknown }).code !== 238) throw error;
  }
  const exists =
    (await db.listCollections({ name: target }, { nameOnly: true }).toArray()).length > 0;
  if (!exists) {
    await db.renameCollection(source, target);
    return;
  }
  const aside = `${target}__replaced_${compactTimestamp(now())}`;
  await db.renameCollection(target, aside);
  try {
    await db.renameCollection(source, target);
  } catch (error) {
    await db.renameCollection(aside, target).catch(() => undefined);
    throw error;
  }
  await db.dropCollection(aside);
}
