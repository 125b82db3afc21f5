import { createHash } from 'node:crypto';

/**
 * The stream of one user's identity. A `user_id` is up to 255 characters of any kind (S2), so it
 * enters the id as a fixed-length digest: unambiguous, bounded, and safe in any store key.
 */
export function userIdentityStreamId(applicationId: string, userId: string): string {
  const digest = createHash('sha256').update(userId, 'utf8').digest('hex');
  return `user-${applicationId}-${digest}`;
}

/** The stream of the anonymous visitor of one device (S4). */
export function visitorStreamId(applicationId: string, deviceId: string): string {
  const digest = createHash('sha256').update(deviceId, 'utf8').digest('hex');
  return `visitor-${applicationId}-${digest}`;
}
