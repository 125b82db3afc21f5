import { z } from 'zod';
import { EventEnvelope, type EventContract, type TypedEvent } from './envelope';
import { contactContracts } from './contact';
import { conversationContracts } from './conversation';
import { identityContracts } from './identity';

/** Every published version of every event. A version, once published, stays here frozen. */
export const eventContracts = [
  ...identityContracts,
  ...conversationContracts,
  ...contactContracts,
] as const;

export type KnownEvent = TypedEvent<(typeof eventContracts)[number]>;

const contractsByKey = new Map<string, EventContract<string, number, z.ZodType>>(
  eventContracts.map((c) => [`${c.type}@${c.version}`, c]),
);

export type DecodeResult =
  | { ok: true; event: KnownEvent }
  /** `unknown-type`: skip with a log line; `invalid`: send to the dead-letter topic with `reason`. */
  | { ok: false; kind: 'unknown-type' | 'invalid'; reason: string };

/** Names every problem as `path.to.field: message`, the form dead-letter reasons use. */
export function describeIssues(error: z.ZodError, prefix: string): string {
  return error.issues
    .map(
      (issue) =>
        `${[prefix, ...issue.path.map(String)].filter(Boolean).join('.')}: ${issue.message}`,
    )
    .join('; ');
}

/** Validates the envelope, then the payload against the contract of its type and version. */
export function decodeEvent(raw: unknown): DecodeResult {
  const envelope = EventEnvelope.safeParse(raw);
  if (!envelope.success) {
    return { ok: false, kind: 'invalid', reason: describeIssues(envelope.error, '') };
  }
  const { type, version } = envelope.data;
  const contract = contractsByKey.get(`${type}@${version}`);
  if (!contract) {
    return {
      ok: false,
      kind: 'unknown-type',
      reason: `no contract for ${type} version ${version}`,
    };
  }
  const payload = contract.payload.safeParse(envelope.data.payload);
  if (!payload.success) {
    return { ok: false, kind: 'invalid', reason: describeIssues(payload.error, 'payload') };
  }
  return { ok: true, event: { ...envelope.data, payload: payload.data } as KnownEvent };
}

/** Validates an event before it is written; throws with every problem named. */
export function encodeEvent(event: KnownEvent): KnownEvent {
  const result = decodeEvent(event);
  if (!result.ok)
    throw new Error(`refusing to write ${event.type}@${event.version}: ${result.reason}`);
  return result.event;
}
