import type { KnownEvent } from '@threadline/contracts';
import type { EventStore, NewEvent } from '@threadline/eventing';
import { throughput, timed, type Figure } from '../measure';

/** What a command handler hands the store: the event without what the store assigns. */
function asNewEvent({
  type,
  version,
  payload,
  tenantId,
  correlationId,
  causationId,
}: KnownEvent): NewEvent {
  return { type, version, payload, tenantId, correlationId, causationId } as NewEvent;
}

/**
 * One commit per decision, as command handlers write them: `writers` concurrent writers, each
 * owning a share of the streams and appending each stream's events in order.
 */
export async function appendCommits(
  store: EventStore,
  sample: KnownEvent[],
  writers: number,
): Promise<Figure> {
  const lanes: KnownEvent[][] = Array.from({ length: writers }, () => []);
  const laneOf = new Map<string, number>();
  for (const event of sample) {
    if (!laneOf.has(event.streamId)) laneOf.set(event.streamId, laneOf.size % writers);
    lanes[laneOf.get(event.streamId) as number]?.push(event);
  }
  const { elapsedMs } = await timed(() =>
    Promise.all(
      lanes.map(async (lane) => {
        for (const event of lane)
          await store.append(event.streamId, event.streamVersion - 1, [asNewEvent(event)]);
      }),
    ),
  );
  return throughput(
    `event store append (${writers} writers)`,
    sample.length,
    elapsedMs,
    'commits/s',
  );
}
