import { encodeEvent, type KnownEvent } from '@threadline/contracts';
import type { Clock } from './clock.port';
import type { NewEvent } from './event-store.port';
import { InvalidAppendError } from './invalid-append.error';
import { isExpectedVersion, versionsAfter } from './stream-version';
import { findUnstorableKey, toPlainJson } from './unstorable-key';

export interface EnvelopeSources {
  clock: Clock;
  newEventId: () => string;
}

/**
 * Turns the events of one decision into validated envelopes at their stream versions, or throws
 * `InvalidAppendError` naming the first problem. Validation runs on the JSON form, so what is
 * stored and published is exactly what was validated.
 */
export function buildEnvelopes(
  streamId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
  sources: EnvelopeSources,
): KnownEvent[] {
  if (!isExpectedVersion(expectedVersion)) {
    throw new InvalidAppendError(
      streamId,
      `expected version ${expectedVersion} is not an integer >= 0`,
    );
  }
  if (events.length === 0) {
    // An empty commit would claim a version without an event and break the version arithmetic.
    throw new InvalidAppendError(streamId, 'no events to append');
  }
  const tenants = new Set(events.map((e) => e.tenantId));
  if (tenants.size > 1) {
    throw new InvalidAppendError(streamId, `one commit spans tenants ${[...tenants].join(', ')}`);
  }
  const occurredAt = sources.clock.now().toISOString();
  const versions = versionsAfter(expectedVersion, events.length);
  return events.map((event, i) => {
    const where = `event ${i} (${event.type}@${event.version})`;
    let plain: KnownEvent;
    try {
      plain = toPlainJson({
        ...event,
        eventId: sources.newEventId(),
        occurredAt,
        streamId,
        streamVersion: versions[i],
      } as KnownEvent);
    } catch (error) {
      throw new InvalidAppendError(streamId, `${where} is not JSON: ${String(error)}`);
    }
    const badKey = findUnstorableKey(plain.payload);
    if (badKey) {
      throw new InvalidAppendError(
        streamId,
        `${where}: payload key ${badKey} contains "." or starts with "$"`,
      );
    }
    try {
      return encodeEvent(plain);
    } catch (error) {
      throw new InvalidAppendError(streamId, `${where}: ${(error as Error).message}`);
    }
  });
}
