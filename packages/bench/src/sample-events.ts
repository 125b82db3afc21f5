import type { KnownEvent } from '@threadline/contracts';
import { v7 as uuidv7 } from 'uuid';

/**
 * Realistic events for the benchmarks: chat messages spread over many threads, each thread's
 * events numbered in order, about 400 bytes of JSON each.
 */
export function sampleMessages(count: number, streams: number, runId: string): KnownEvent[] {
  const nextVersion = new Map<string, number>();
  return Array.from({ length: count }, (_, i) => {
    const streamId = `thread-bench-${runId}-${i % streams}`;
    const streamVersion = (nextVersion.get(streamId) ?? 0) + 1;
    nextVersion.set(streamId, streamVersion);
    return {
      eventId: uuidv7(),
      type: 'conversation.message-sent',
      version: 1,
      occurredAt: new Date().toISOString(),
      tenantId: 'app-bench',
      streamId,
      streamVersion,
      correlationId: `corr-${i}`,
      causationId: `cause-${i}`,
      payload: {
        clientMessageId: `m-${i}`,
        author: { kind: 'user', contactId: `contact-${i % streams}`, deviceId: 'device-1' },
        text: `Hello, this is benchmark message ${i}; how can we help you today with your order?`,
      },
    };
  });
}

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
