import type { PendingCommit } from './outbox.port';
import type { LatestVersions } from './latest-versions';

/** The stream version of a commit's last event. */
export function lastVersionOf(commit: PendingCommit): number {
  return commit.version + commit.events.length - 1;
}

export interface HandOffSort {
  /** May go to Kafka now, in this order: everything before each of them in its stream was sent. */
  ready: PendingCommit[];
  /** Wait for the store pass: an earlier commit of their stream was not sent by this relay. */
  waiting: PendingCommit[];
}

/**
 * Sorts commits handed over by this process's appends. A commit goes straight to Kafka only when
 * it is its stream's first, or when the commit before it was sent by this relay (earlier, or
 * earlier in this list); one already sent (the store pass took it first) is dropped. Pure.
 */
export function sortHandOffs(handed: readonly PendingCommit[], sent: LatestVersions): HandOffSort {
  const ready: PendingCommit[] = [];
  const waiting: PendingCommit[] = [];
  const upTo = new Map<string, number | undefined>();
  const ordered = [...handed].sort((a, b) =>
    a.streamId !== b.streamId ? (a.streamId < b.streamId ? -1 : 1) : a.version - b.version,
  );
  for (const commit of ordered) {
    const last = upTo.has(commit.streamId) ? upTo.get(commit.streamId) : sent.get(commit.streamId);
    if (last !== undefined && last >= lastVersionOf(commit)) continue;
    if (commit.version === 1 || last === commit.version - 1) {
      ready.push(commit);
      upTo.set(commit.streamId, lastVersionOf(commit));
    } else {
      waiting.push(commit);
    }
  }
  return { ready, waiting };
}
