import { describeIssues, EventEnvelope } from '@threadline/contracts';
import type { AnyEventContract, Upcaster } from './upcaster';
import { createUpcasterRegistry, type UpcasterRegistry } from './upcaster-registry';

/** Same shape as `decodeEvent`'s result from `@threadline/contracts`, for any set of contracts. */
export type EventDecodeResult<E> =
  | { ok: true; event: E }
  /** `unknown-type`: skip with a log line; `invalid`: dead-letter with `reason`. */
  | { ok: false; kind: 'unknown-type' | 'invalid'; reason: string };

/** Reads an event as its consumers know it today: envelope, then upcast, then validate. */
export interface EventDecoder<E extends EventEnvelope = EventEnvelope> {
  decode(raw: unknown): EventDecodeResult<E>;
  /** The version every decoded event of `type` has, or undefined for a type without contract. */
  currentVersion(type: string): number | undefined;
}

export interface EventDecoderOptions {
  /** Every version of every event still found on the topics: the current ones and the frozen older ones. */
  contracts: readonly AnyEventContract[];
  upcasters?: readonly Upcaster[];
}

/**
 * Builds a decoder that upcasts an older event version step by step to the current (highest)
 * version of its type and validates it against that contract. Validation also runs at every
 * intermediate version that still has a contract, so a reason points at the step that broke.
 * A version above the current one is `unknown-type`: a newer producer, skipped rather than parked.
 */
export function createEventDecoder<E extends EventEnvelope = EventEnvelope>(
  options: EventDecoderOptions,
): EventDecoder<E> {
  const contracts = indexContracts(options.contracts);
  const current = currentVersions(options.contracts);
  const upcasters = createUpcasterRegistry(options.upcasters ?? []);
  checkChains(options.contracts, current, upcasters);

  function decode(raw: unknown): EventDecodeResult<E> {
    const envelope = EventEnvelope.safeParse(raw);
    if (!envelope.success) {
      return { ok: false, kind: 'invalid', reason: describeIssues(envelope.error, '') };
    }
    const { type, version } = envelope.data;
    const target = current.get(type);
    if (target === undefined || version > target) {
      return {
        ok: false,
        kind: 'unknown-type',
        reason: `no contract for ${type} version ${version}`,
      };
    }
    let payload = envelope.data.payload;
    for (let at = version; ; at++) {
      const contract = contracts.get(`${type}@${at}`);
      if (contract) {
        const parsed = contract.payload.safeParse(payload);
        if (!parsed.success) {
          const step = at === version ? '' : ` (after upcasting from version ${version} to ${at})`;
          return {
            ok: false,
            kind: 'invalid',
            reason: describeIssues(parsed.error, 'payload') + step,
          };
        }
        payload = parsed.data;
      }
      if (at === target) break;
      const next = upcasters.find(type, at);
      if (!next) {
        return {
          ok: false,
          kind: 'unknown-type',
          reason: `no contract for ${type} version ${version} and no upcaster from version ${at}`,
        };
      }
      try {
        payload = next.up(payload, envelope.data);
      } catch (error) {
        return {
          ok: false,
          kind: 'invalid',
          reason: `upcaster of ${type} from version ${at} failed: ${errorMessage(error)}`,
        };
      }
    }
    return { ok: true, event: { ...envelope.data, version: target, payload } as E };
  }

  return { decode, currentVersion: (type) => current.get(type) };
}

function indexContracts(list: readonly AnyEventContract[]): Map<string, AnyEventContract> {
  const byKey = new Map<string, AnyEventContract>();
  for (const c of list) {
    const key = `${c.type}@${c.version}`;
    if (byKey.has(key)) throw new Error(`two contracts for ${c.type} version ${c.version}`);
    byKey.set(key, c);
  }
  return byKey;
}

function currentVersions(list: readonly AnyEventContract[]): Map<string, number> {
  const current = new Map<string, number>();
  for (const c of list) current.set(c.type, Math.max(c.version, current.get(c.type) ?? 0));
  return current;
}

/** Fails at boot, not on the first old event, when a declared version cannot reach the current one. */
function checkChains(
  list: readonly AnyEventContract[],
  current: Map<string, number>,
  upcasters: UpcasterRegistry,
): void {
  for (const c of list) {
    const target = current.get(c.type) ?? c.version;
    for (let at = c.version; at < target; at++) {
      if (!upcasters.find(c.type, at)) {
        throw new Error(
          `${c.type} version ${c.version} is declared but cannot reach version ${target}: no upcaster from version ${at}`,
        );
      }
    }
  }
  for (const u of upcasters.list()) {
    const target = current.get(u.type);
    if (target === undefined || u.fromVersion >= target) {
      throw new Error(
        `upcaster of ${u.type} from version ${u.fromVersion} leads past the current contract (${target ?? 'none'})`,
      );
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
