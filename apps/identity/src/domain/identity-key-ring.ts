import { keysValidAt, type IdentityKeyWindow } from './tenancy/identity-key-window';

/** An application's identity secret (S7) with its validity window; `secret` never leaves the service. */
export interface IdentityKey extends IdentityKeyWindow {
  secret: string;
}

/**
 * All of an application's identity keys. Rotation adds a new key and sets `retiresAt` on the old
 * one some time later: in between (the overlap window) both verify; from `retiresAt` on the old
 * one refuses.
 */
export type IdentityKeyRing = readonly IdentityKey[];

export const MIN_IDENTITY_SECRET_BYTES = 32;

/** The keys that verify at `now`, newest first. */
export function usableKeys(ring: IdentityKeyRing, now: Date): IdentityKey[] {
  return keysValidAt(ring, now);
}

/** Problems that make a key ring unsafe to use; empty when it is fine. */
export function keyRingProblems(ring: IdentityKeyRing): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const [index, key] of ring.entries()) {
    if (ids.has(key.keyId)) problems.push(`keys.${index}.keyId: duplicate ${key.keyId}`);
    ids.add(key.keyId);
    if (Buffer.byteLength(key.secret) < MIN_IDENTITY_SECRET_BYTES) {
      problems.push(`keys.${index}.secret: shorter than ${MIN_IDENTITY_SECRET_BYTES} bytes`);
    }
    const from = Date.parse(key.activeFrom);
    if (Number.isNaN(from)) problems.push(`keys.${index}.activeFrom: not a date`);
    if (key.retiresAt !== undefined && !(Date.parse(key.retiresAt) > from)) {
      problems.push(`keys.${index}.retiresAt: not after activeFrom`);
    }
  }
  return problems;
}
