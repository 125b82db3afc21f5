/** A stored commit, as far as a stream's order goes. */
export interface CommitRange {
  streamId: string;
  /** Stream version of its first event. */
  version: number;
  /** Stream version of its last event. */
  lastVersion: number;
}

/**
 * Names every stream whose commits do not run 1, 2, 3.. without a gap or an overlap. A commit a
 * service was told was stored but that never was leaves such a gap once the next one is appended
 * on top of it, and the stream can no longer be loaded. Pure: the test reads the commits.
 */
export function streamBreaks(commits: readonly CommitRange[]): string[] {
  const byStream = new Map<string, CommitRange[]>();
  for (const commit of commits) {
    const list = byStream.get(commit.streamId) ?? [];
    list.push(commit);
    byStream.set(commit.streamId, list);
  }
  const breaks: string[] = [];
  for (const [streamId, list] of byStream) {
    list.sort((a, b) => a.version - b.version);
    let last = 0;
    for (const commit of list) {
      if (commit.version !== last + 1) {
        breaks.push(`${streamId}: after version ${last} comes a commit at ${commit.version}`);
        break;
      }
      last = commit.lastVersion;
    }
  }
  return breaks;
}
