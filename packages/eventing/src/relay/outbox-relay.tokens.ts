/** Nest injection token of a service's `OutboxRelay`. */
export const OUTBOX_RELAY = Symbol('OUTBOX_RELAY');
