/**
 * Whether a browser origin may use an application's widget API: one of the application's allowed
 * origins, or the gateway's own host (its `/demo` page). No `Origin` header means no browser
 * page is asking (a server or a native app): the token alone decides then.
 */
export function originAllowed(
  origin: string | undefined,
  allowedOrigins: readonly string[],
  ownHost: string | undefined,
): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin === 'null') return false;
  if (allowedOrigins.includes(url.origin)) return true;
  return ownHost !== undefined && url.host === ownHost.toLowerCase();
}
