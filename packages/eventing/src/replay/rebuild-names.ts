/** `2026-11-23T10:15:00.123Z` → `20261123T101500123Z`: sortable, and legal in a collection name. */
export function compactTimestamp(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

/** Where a replay builds: a crash leaves this name behind, marking the collection unfinished. */
export function rebuildCollectionName(collection: string, startedAt: Date): string {
  return `${collection}__rebuild_${compactTimestamp(startedAt)}`;
}

/** Where a replay `until` a time keeps its result: the projection as of that time. */
export function asOfCollectionName(collection: string, until: Date, startedAt: Date): string {
  return `${collection}__as_of_${compactTimestamp(until)}__built_${compactTimestamp(startedAt)}`;
}
