import type { KnownEvent } from '@threadline/contracts';
import type { NewEvent } from '../store/event-store.port';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A contract event without the metadata of the command that caused it. */
export type ContractEvent = DistributiveOmit<NewEvent, keyof EventMetadata>;

/** Who and what caused a commit: copied onto every event of it. */
export interface EventMetadata {
  tenantId: string;
  correlationId: string;
  causationId: string;
}

/**
 * Maps an aggregate's domain events to versioned contract events and back, so the domain never
 * imports contracts. `decode` is where older versions are upcast.
 */
export interface EventCodec<Event> {
  encode(event: Event): ContractEvent;
  decode(envelope: KnownEvent): Event;
}
