import { createHash } from 'node:crypto';
import { MIN_PEPPER_BYTES } from '../../domain/keyed-hash';

export interface HashPepper {
  pepper: Buffer;
  /** `development-default` is derived from a public string: it protects nothing. */
  source: 'environment' | 'development-default';
}

const developmentPepper = createHash('sha256')
  .update('threadline insecure development security-hash pepper')
  .digest();

/** The pepper of S6 keyed hashes; the config schema already refused a short one. */
export function resolveHashPepper(configured: string | undefined): HashPepper {
  if (configured === undefined) return { pepper: developmentPepper, source: 'development-default' };
  const pepper = Buffer.from(configured, 'utf8');
  if (pepper.length < MIN_PEPPER_BYTES) {
    throw new Error(`IDENTITY_HASH_PEPPER: must be at least ${MIN_PEPPER_BYTES} bytes`);
  }
  return { pepper, source: 'environment' };
}
