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
  private readonly delivered = new Map<string, number>();

  constructor(private readonly maxThreads = 100_000) {}

  /** An event of the thread's stream came from Kafka and its frames have gone out. */
  advance(applicationId: string, contactId: string, streamVersion: number): void {
    const k = key(applicationId, contactId);
    const current = this.delivered.get(k);
    if (current !== undefined && current >= streamVersion) return;
    this.set(k, streamVersion);
  }

  /**
   * Whether a commit spanning `fromVersion` (exclusive) to `toVersion` may be delivered now; if so,
   * the thread counts as delivered up to `toVersion`.
   */
  claim(applicationId: string, contactId: string, fromVersion: number, toVersion: number): boolean {
    const k = key(applicationId, contactId);
    const current = this.delivered.get(k) ?? (fromVersion === 0 ? 0 : undefined);
    if (current !== fromVersion) return false;
    this.set(k, toVersion);
    return true;
  }

  get size(): number {
    return this.delivered.size;
  }

  private set(k: string, version: number): void {
    this.delivered.delete(k);
    this.delivered.set(k, version);
    if (this.delivered.size > this.maxThreads) {
      const oldest = this.delivered.keys().next().value;
      if (oldest !== undefined) this.delivered.delete(oldest);
    }
  }
}
