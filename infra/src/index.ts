import lockfile from 'proper-lockfile';
import { ferretdb } from './ferretdb';
import { kafka } from './kafka';
import { ensureDir, infraPaths } from './paths';
import { postgres } from './postgres';

export type Store = 'sqlite' | 'postgresql';

export interface InfraEndpoints {
  kafkaBrokers: string;
  mongodbUri: string;
}

/**
 * Brings up Kafka and FerretDB on the given store unless they already answer. Safe to call from
 * several processes at once (parallel test runs): a lock file serializes them.
 */
export async function ensureInfra({ store }: { store: Store }): Promise<InfraEndpoints> {
  const store$ = ferretdb(store);
  await withInfraLock(async () => {
    await kafka.up();
    await store$.up();
  });
  return { kafkaBrokers: kafka.brokers, mongodbUri: store$.uri };
}

export async function stopInfra(): Promise<void> {
  await withInfraLock(async () => {
    await Promise.all([kafka.down(), ferretdb('sqlite').down()]);
    await postgres.down();
  });
}

async function withInfraLock<T>(work: () => Promise<T>): Promise<T> {
  const release = await lockfile.lock(ensureDir(infraPaths.run), {
    lockfilePath: `${infraPaths.run}/infra.lock`,
    // A first start downloads jars and builds FerretDB: minutes, so others wait long enough.
    retries: { retries: 600, minTimeout: 1000, maxTimeout: 1000 },
    stale: 30_000,
  });
  try {
    return await work();
  } finally {
    await release();
  }
}

export { kafka } from './kafka';
export { ferretdb } from './ferretdb';
export { postgres } from './postgres';
export type { ComponentStatus, InfraComponent } from './component';
export { fileTail } from './file-tail';
export { repoRoot } from './paths';
export { stackServices, type StackService } from './stack/stack-services';
