import { LatestVersions } from '@threadline/eventing';

const key = (applicationId: string, contactId: string) => `${applicationId}\n${contactId}`;

/**
 * How far this process has delivered each thread's stream, so that a message accepted through it
 * can go to its own sockets at once, before Kafka brings it back, without breaking the thread's
 * one order (S13): only when every earlier event of the stream has been delivered here.
 *
 * A thread this process has not seen since it started is unknown, and only its first commit may
 * go early. Forgetting a thread only sends its next message the slow way, so the map is bounded.
 */
export class ThreadVersions {
  private readonly delivered: LatestVersions;

  constructor(maxThreads = 100_000) {
    this.delivered = new LatestVersions(maxThreads);
  }

  /** An event of the thread's stream came from Kafka and its frames have gone out. */
  advance(applicationId: string, contactId: string, streamVersion: number): void {
    this.delivered.advance(key(applicationId, contactId), streamVersion);
  }

  /**
   * Whether a commit spanning `fromVersion` (exclusive) to `toVersion` may be delivered now; if so,
   * the thread counts as delivered up to `toVersion`.
   */
  claim(applicationId: string, contactId: string, fromVersion: number, toVersion: number): boolean {
    const k = key(applicationId, contactId);
    const current = this.delivered.get(k) ?? (fromVersion === 0 ? 0 : undefined);
    if (current !== fromVersion) return false;
    this.delivered.advance(k, toVersion);
    return true;
  }

  get size(): number {
    return this.delivered.size;
  }
}
