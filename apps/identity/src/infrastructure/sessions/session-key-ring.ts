/** One HMAC key for device session tokens, named so tokens say which key signed them. */
export interface SessionKey {
  id: string;
  secret: Buffer;
}

/** The first key signs; every key verifies, so a rotation keeps earlier tokens valid. */
export interface SessionKeyRing {
  current: SessionKey;
  byId: ReadonlyMap<string, SessionKey>;
}

const keyId = /^[A-Za-z0-9_-]{1,32}$/;
const minSecretLength = 32;

/** Public on purpose: only for development and tests; production refuses to start without a key. */
export const DEVELOPMENT_SESSION_KEY = 'dev:threadline-development-session-key-not-secret';

/**
 * Parses `IDENTITY_SESSION_KEY`: `<keyId>:<secret>` entries separated by commas, the signing key
 * first, each secret at least 32 characters. Returns a problem description instead of throwing.
 */
export function parseSessionKeyRing(value: string): SessionKeyRing | string {
  const keys: SessionKey[] = [];
  for (const entry of value.split(',')) {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon).trim();
    const secret = colon < 0 ? '' : entry.slice(colon + 1).trim();
    if (!keyId.test(id))
      return 'each entry must be <keyId>:<secret>, keyId of letters, digits, _ or -';
    if (secret.length < minSecretLength) {
      return `the secret of key ${id} must be at least ${minSecretLength} characters`;
    }
    if (keys.some((k) => k.id === id)) return `key ${id} is listed twice`;
    keys.push({ id, secret: Buffer.from(secret, 'utf8') });
  }
  const [current] = keys;
  if (!current) return 'no key given';
  return { current, byId: new Map(keys.map((k) => [k.id, k])) };
}

/** The configured ring, or the public development one; `source` lets boot warn about the latter. */
export function resolveSessionKeyRing(value: string | undefined): {
  ring: SessionKeyRing;
  source: 'configured' | 'development-default';
} {
  const ring = parseSessionKeyRing(value ?? DEVELOPMENT_SESSION_KEY);
  if (typeof ring === 'string') throw new Error(`IDENTITY_SESSION_KEY: ${ring}`);
  return { ring, source: value === undefined ? 'development-default' : 'configured' };
}
