/** Nest injection tokens: services bind the ports to adapters in their module. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const SNAPSHOT_STORE = Symbol('SNAPSHOT_STORE');
