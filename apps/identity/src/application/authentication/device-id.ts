import { createHash } from 'node:crypto';

/**
 * The id under which a device appears in events. The device token is a bearer secret of the
 * browser, so only its digest may reach the log.
 */
export function deviceIdOf(deviceToken: string): string {
  return `dev_${createHash('sha256').update(deviceToken, 'utf8').digest('base64url').slice(0, 32)}`;
}
