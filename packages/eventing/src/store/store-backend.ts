import type { mongo } from 'mongoose';

/**
 * Whether the database is FerretDB rather than MongoDB: FerretDB's `buildInfo` names its own
 * version. Indexes chosen by it are the only place the two are told apart; every query and write
 * is the same on both.
 */
export async function isFerretDb(db: mongo.Db): Promise<boolean> {
  const build = (await db.admin().command({ buildInfo: 1 })) as { ferretdbVersion?: unknown };
  return build.ferretdbVersion !== undefined;
}
