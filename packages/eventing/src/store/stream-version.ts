/** Stream versions start at 1; 0 is the version of a stream with no events yet. */
export const EMPTY_STREAM_VERSION = 0;

export function isExpectedVersion(value: number): boolean {
  return Number.isSafeInteger(value) && value >= EMPTY_STREAM_VERSION;
}

/** The `streamVersion`s that `count` events appended at `expectedVersion` get. */
export function versionsAfter(expectedVersion: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => expectedVersion + 1 + i);
}

/** The version of the last event of a commit that starts at `firstVersion`. */
export function lastVersionOf(firstVersion: number, eventCount: number): number {
  return firstVersion + eventCount - 1;
}

/** The stream version after folding `events` on top of `baseVersion`. */
export function versionAfter(
  baseVersion: number,
  events: readonly { streamVersion: number }[],
): number {
  return events.length === 0 ? baseVersion : events[events.length - 1]!.streamVersion;
}

/** Names the first break in `fromVersion, fromVersion + 1, ..`, or undefined when there is none. */
export function findVersionGap(
  events: readonly { streamVersion: number }[],
  fromVersion: number,
): string | undefined {
  for (const [i, event] of events.entries()) {
    const expected = fromVersion + i;
    if (event.streamVersion !== expected) {
      return `expected stream version ${expected}, found ${event.streamVersion}`;
    }
  }
  return undefined;
}
