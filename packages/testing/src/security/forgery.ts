import { SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { createHmac, randomBytes } from 'node:crypto';

/** An `IDENTITY_SESSION_KEY` entry: the id tokens name, and the HMAC secret. */
export interface SigningKey {
  id: string;
  secret: string;
}

/**
 * A token `<kind>.<payload>.<signature>` in identity's wire format (base64url JSON ending with
 * `exp` and `kid`, then base64url HMAC-SHA256 of `<kind>.<payload>`), written here the way an
 * attacker holding or guessing a key would; identity's controls prove the format still matches.
 */
export function signHmacToken(
  kind: string,
  key: SigningKey,
  payload: Record<string, unknown>,
  expiresAt: Date,
): string {
  const signed = { ...payload, exp: Math.floor(expiresAt.getTime() / 1000), kid: key.id };
  const body = `${kind}.${Buffer.from(JSON.stringify(signed), 'utf8').toString('base64url')}`;
  const signature = createHmac('sha256', Buffer.from(key.secret, 'utf8'))
    .update(body, 'utf8')
    .digest('base64url');
  return `${body}.${signature}`;
}

export interface ForgedSessionClaims {
  sessionId: string;
  applicationId: string;
  subject: { kind: 'user' | 'visitor'; id: string };
  deviceId: string;
  expiresAt: Date;
}

/** A device session token (`v1.`) with any key and any claims. */
export function signSession(key: SigningKey, claims: ForgedSessionClaims): string {
  return signHmacToken(
    'v1',
    key,
    {
      sid: claims.sessionId,
      app: claims.applicationId,
      sub: { k: claims.subject.kind, id: claims.subject.id },
      dev: claims.deviceId,
    },
    claims.expiresAt,
  );
}

export interface ForgedAgentClaims {
  agentId: string;
  organizationDomain: string;
  email: string;
  name: string;
  expiresAt: Date;
}

/** An agent token (`a1.`) with any key and any claims. */
export function signAgentToken(key: SigningKey, claims: ForgedAgentClaims): string {
  return signHmacToken(
    'a1',
    key,
    { aid: claims.agentId, org: claims.organizationDomain, eml: claims.email, nam: claims.name },
    claims.expiresAt,
  );
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

/** The token under another kind label (`v1.` → `a1.`…), payload and signature kept. */
export function withKind(token: string, kind: string): string {
  return `${kind}${token.slice(token.indexOf('.'))}`;
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
