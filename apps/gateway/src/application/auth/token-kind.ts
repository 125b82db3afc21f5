/**
 * Which kind a bearer token claims to be, by its first part: `v1.` device session tokens (widget),
 * `a1.` agent tokens. Only a routing hint: identity verifies the signature, which covers the kind.
 */
export function tokenKindOf(token: string): 'widget' | 'agent' | undefined {
  if (token.startsWith('v1.')) return 'widget';
  if (token.startsWith('a1.')) return 'agent';
  return undefined;
}

const bearer = /^Bearer ([A-Za-z0-9._~+/=-]{1,4096})$/;

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerTokenOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value === undefined ? undefined : bearer.exec(value.trim())?.[1];
}
