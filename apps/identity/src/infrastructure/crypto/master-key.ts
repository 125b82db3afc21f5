import { createHash } from 'node:crypto';

/** Decodes a 32-byte key written as 64 hex digits or as (url-safe) base64; null otherwise. */
export function decodeMasterKey(raw: string): Buffer | null {
  const value = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(value)) {
    const key = Buffer.from(value.replace(/\+/g, '-').replace(/\//g, '_'), 'base64url');
    return key.length === 32 ? key : null;
  }
  return null;
}

export interface MasterKey {
  key: Buffer;
  /** `development-default` is derived from a public string: it protects nothing. */
  source: 'environment' | 'development-default';
}

/** Only outside production, and only with a loud warning at boot. */
const developmentKey = createHash('sha256')
  .update('threadline insecure development identity master key')
  .digest();

export function resolveMasterKey(configured: string | undefined): MasterKey {
  if (configured === undefined) return { key: developmentKey, source: 'development-default' };
  const key = decodeMasterKey(configured);
  if (!key) throw new Error('IDENTITY_MASTER_KEY: must be 32 bytes as 64 hex digits or base64');
  return { key, source: 'environment' };
}
