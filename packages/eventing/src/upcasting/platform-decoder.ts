import { eventContracts, type KnownEvent } from '@threadline/contracts';
import type { Upcaster } from './upcaster';
import { createEventDecoder, type EventDecoder } from './event-decoder';

/**
 * The upcasters of every published event version. When a contract gets a `v2`, its `v1` stays in
 * `eventContracts` frozen and its v1 → v2 upcaster is added here.
 */
export const platformUpcasters: readonly Upcaster[] = [];

/** The decoder projections use unless they are given another one. */
export function platformEventDecoder(): EventDecoder<KnownEvent> {
  return createEventDecoder<KnownEvent>({
    contracts: eventContracts,
    upcasters: platformUpcasters,
  });
}
