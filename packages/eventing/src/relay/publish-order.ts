import type { CommitRef } from './outbox.port';

function byStreamThenVersion(a: CommitRef, b: CommitRef): number {
  if (a.streamId !== b.streamId) return a.streamId < b.streamId ? -1 : 1;
  return a.version - b.version;
}

/** Per stream in the batch, the highest version: below it an unpublished commit would block. */
export function blockingBounds(
  batch: readonly CommitRef[],
): { streamId: string; version: number }[] {
  const highest = new Map<string, number>();
  for (const c of batch) highest.set(c.streamId, Math.max(highest.get(c.streamId) ?? 0, c.version));
  return [...highest].map(([streamId, version]) => ({ streamId, version }));
}

/**
 * The commits of `batch` that may be published now, in publishing order: sorted by stream and
 * version, keeping a commit only when every earlier unpublished commit of its stream is earlier
 * in the batch. `unpublished` lists unpublished commits the store knows of (batch members are
 * ignored), so a stream's commit N+1 never goes out before its commit N.
 */
export function publishableInOrder<C extends CommitRef>(
  batch: readonly C[],
  unpublished: readonly CommitRef[],
): C[] {
  const inBatch = new Set(batch.map((c) => c.id));
  const firstBlocker = new Map<string, number>();
  for (const c of unpublished) {
    if (inBatch.has(c.id)) continue;
    firstBlocker.set(c.streamId, Math.min(firstBlocker.get(c.streamId) ?? Infinity, c.version));
  }
  return [...batch]
    .sort(byStreamThenVersion)
    .filter((c) => c.version < (firstBlocker.get(c.streamId) ?? Infinity));
}
