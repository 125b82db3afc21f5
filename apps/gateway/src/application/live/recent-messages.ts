import type { ThreadMessage } from '@threadline/contracts';

const key = (applicationId: string, contactId: string) => `${applicationId}\n${contactId}`;

/**
 * The last few messages this process saw live, per thread. The conversation API reads a
 * projection that may trail the live feed by moments: a socket that resumes in that moment gets
 * these too, so a message seen live but not yet in the projection is not lost (S13).
 */
export class RecentMessages {
  private readonly threads = new Map<string, { at: number; messages: ThreadMessage[] }>();

  constructor(
    private readonly perThread = 50,
    private readonly maxThreads = 10_000,
    private readonly ttlMs = 120_000,
    private readonly now: () => number = Date.now,
  ) {}

  add(applicationId: string, contactId: string, messages: readonly ThreadMessage[]): void {
    const k = key(applicationId, contactId);
    const previous = this.threads.get(k);
    this.threads.delete(k);
    // A message delivered on accept comes again from Kafka: it is kept once.
    const known = new Set(previous?.messages.map((m) => m.messageId));
    const fresh = messages.filter((m) => !known.has(m.messageId));
    const kept = [...(previous?.messages ?? []), ...fresh].slice(-this.perThread);
    this.threads.set(k, { at: this.now(), messages: kept });
    while (this.threads.size > this.maxThreads) {
      const oldest = this.threads.keys().next().value;
      if (oldest === undefined) break;
      this.threads.delete(oldest);
    }
  }

  /** Recent messages of a thread after a cursor (all of them without one), in cursor order. */
  after(applicationId: string, contactId: string, cursor: string | undefined): ThreadMessage[] {
    const k = key(applicationId, contactId);
    const thread = this.threads.get(k);
    if (!thread) return [];
    if (this.now() - thread.at > this.ttlMs) {
      this.threads.delete(k);
      return [];
    }
    return thread.messages
      .filter((m) => cursor === undefined || m.cursor > cursor)
      .sort((a, b) => (a.cursor < b.cursor ? -1 : a.cursor > b.cursor ? 1 : 0));
  }
}
