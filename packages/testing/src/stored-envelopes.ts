import { decodeStoredEvents } from '@threadline/contracts';

/** The envelopes a raw commit document holds, for tests that read an event store directly. */
export function storedEnvelopes<T = Record<string, unknown>>(
  commit: Readonly<Record<string, unknown>>,
): T[] {
  const stored = decodeStoredEvents(commit.events);
  if (!stored.ok) throw new Error(`commit of ${String(commit.streamId)}: ${stored.reason}`);
  return stored.envelopes as T[];
}
