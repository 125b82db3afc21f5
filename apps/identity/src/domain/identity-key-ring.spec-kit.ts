import type { IdentityKey } from './identity-key-ring';

/** A ring in rotation for the S7 verifier specs: the old key retires on 30 Nov, the new one is active from 20 Nov. */
export const oldKey: IdentityKey = {
  keyId: 'key-old',
  secret: 'old-secret-of-at-least-32-bytes!',
  activeFrom: '2026-01-01T00:00:00Z',
  retiresAt: '2026-11-30T00:00:00Z',
};
export const newKey: IdentityKey = {
  keyId: 'key-new',
  secret: 'new-secret-of-at-least-32-bytes!',
  activeFrom: '2026-11-20T00:00:00Z',
};
export const ring = [oldKey, newKey];
export const at = (iso: string) => new Date(iso);
