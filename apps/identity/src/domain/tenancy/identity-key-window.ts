/** When an identity-verification key verifies: from `activeFrom` (inclusive) to `retiresAt` (exclusive). */
export interface IdentityKeyWindow {
  keyId: string;
  /** ISO 8601. */
  activeFrom: string;
  /** ISO 8601; absent while no retirement is scheduled. */
  retiresAt?: string;
}

export function isKeyValidAt(key: IdentityKeyWindow, at: Date): boolean {
  const t = at.getTime();
  return (
    Date.parse(key.activeFrom) <= t &&
    (key.retiresAt === undefined || t < Date.parse(key.retiresAt))
  );
}

/**
 * The keys that verify at `at`, newest first. During a rotation's overlap both the old and the
 * new key are here, so a session may be verified by either (S7).
 */
export function keysValidAt<K extends IdentityKeyWindow>(keys: readonly K[], at: Date): K[] {
  return keys
    .filter((key) => isKeyValidAt(key, at))
    .sort((a, b) => Date.parse(b.activeFrom) - Date.parse(a.activeFrom));
}
