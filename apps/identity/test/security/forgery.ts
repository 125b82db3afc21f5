import { SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { randomBytes } from 'node:crypto';
import type { SessionClaims } from '../../src/application/sessions/session-tokens.port';
import { HmacSessionTokens } from '../../src/infrastructure/sessions/hmac-session-tokens';

/** Device session tokens signed exactly as the service signs them, with any key and any claims. */
export function signSession(key: { id: string; secret: string }, claims: SessionClaims): string {
  const entry = { id: key.id, secret: Buffer.from(key.secret, 'utf8') };
  return new HmacSessionTokens({ current: entry, byId: new Map([[entry.id, entry]]) }).sign(claims);
}

/** The token with its payload rewritten (`edit` on the decoded JSON) and the old signature kept. */
export function withEditedPayload(
  token: string,
  edit: (payload: Record<string, unknown>) => void,
): string {
  const [version, payload, signature] = token.split('.') as [string, string, string];
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  edit(decoded);
  return `${version}.${Buffer.from(JSON.stringify(decoded)).toString('base64url')}.${signature}`;
}

/** The token with one character of its signature changed. */
export function withFlippedSignature(token: string): string {
  const at = token.length - 5;
  const swapped = token[at] === 'A' ? 'B' : 'A';
  return `${token.slice(0, at)}${swapped}${token.slice(at + 1)}`;
}

export interface JwtOptions {
  secret: string;
  alg?: string;
  kid?: string;
  /** Seconds from now; undefined leaves `exp` out. */
  expiresIn?: number | undefined;
  notBefore?: number;
  claims?: JWTPayload;
}

/** An identity JWT (S7) as a customer's backend would sign it, or as an attacker would. */
export async function userJwt(userId: string, options: JwtOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ user_id: userId, ...options.claims })
    .setProtectedHeader({ alg: options.alg ?? 'HS256', ...(options.kid && { kid: options.kid }) })
    .setIssuedAt(now);
  if (options.expiresIn !== undefined) jwt.setExpirationTime(now + options.expiresIn);
  if (options.notBefore !== undefined) jwt.setNotBefore(now + options.notBefore);
  return jwt.sign(new TextEncoder().encode(options.secret));
}

/** `alg: none`: no signature at all. */
export function unsignedJwt(userId: string): string {
  return new UnsecuredJWT({ user_id: userId }).setIssuedAt().setExpirationTime('1h').encode();
}

export const randomHex = (bytes = 32) => randomBytes(bytes).toString('hex');
