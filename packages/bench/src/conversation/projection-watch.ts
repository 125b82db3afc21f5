import type { Connection } from 'mongoose';

/**
 * Watches the `threads` projection of one application: every `intervalMs` it reads each thread's
 * `messageCount` and notes when a count was first seen. One query over a collection of a few
 * documents, so watching costs the service little.
 */
export function watchThreadCounts(
  db: Connection,
  applicationId: string,
  intervalMs: number,
): { firstSeen: Map<string, number[]>; stop(): Promise<void> } {
  /** contactId → time (epoch ms) at which the count reached 1, 2, 3, … */
  const firstSeen = new Map<string, number[]>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const docs = await db
        .collection<{ contactId: string; messageCount?: number }>('threads')
        .find({ applicationId }, { projection: { contactId: 1, messageCount: 1 } })
        .toArray();
      const now = Date.now();
      for (const doc of docs) {
        const seen = firstSeen.get(doc.contactId) ?? [];
        while (seen.length < (doc.messageCount ?? 0)) seen.push(now);
        firstSeen.set(doc.contactId, seen);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    firstSeen,
    async stop() {
      running = false;
      await loop;
    },
  };
}
