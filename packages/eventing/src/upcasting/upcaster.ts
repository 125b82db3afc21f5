import type { EventContract, EventEnvelope } from '@threadline/contracts';
import type { z } from 'zod';

/** Any version of any event contract. */
export type AnyEventContract = EventContract<string, number, z.ZodType>;

/**
 * Turns the payload of one event version into the payload of the next (`fromVersion + 1`).
 * Upcasters run on read only: the stored event is never rewritten. They must be pure, because a
 * replay has to produce the same read model as the live run.
 */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  up(payload: unknown, envelope: EventEnvelope): unknown;
}

/** An upcaster for a version whose contract is no longer at hand; prefer {@link defineUpcaster}. */
export function upcaster(
  type: string,
  fromVersion: number,
  up: (payload: unknown, envelope: EventEnvelope) => unknown,
): Upcaster {
  if (!Number.isInteger(fromVersion) || fromVersion < 1) {
    throw new Error(`upcaster of ${type}: fromVersion must be a positive integer`);
  }
  return { type, fromVersion, up };
}

/** A typed upcaster between two adjacent versions of one contract. */
export function defineUpcaster<From extends AnyEventContract, To extends AnyEventContract>(
  from: From,
  to: To,
  up: (payload: z.output<From['payload']>, envelope: EventEnvelope) => z.input<To['payload']>,
): Upcaster {
  if (from.type !== to.type) {
    throw new Error(`cannot upcast ${from.type} into another type, ${to.type}`);
  }
  if (to.version !== from.version + 1) {
    throw new Error(
      `an upcaster goes one version up: ${from.type} ${from.version} → ${from.version + 1}, not ${to.version}`,
    );
  }
  return upcaster(from.type, from.version, up as Upcaster['up']);
}
