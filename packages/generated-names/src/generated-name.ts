import { createHash } from 'node:crypto';
import { ADJECTIVES, ANIMALS } from './word-lists';

/**
 * S5: `Adjective Animal (anonym)` for a contact with no name, e.g. `Giant Duck (anonym)`. The
 * same identity key always gives the same name, on every device and after every replay.
 *
 * @param identityKey stable per contact: application and `user_id`, or the visitor id.
 */
export function generatedName(identityKey: string): string {
  const digest = createHash('sha256').update(identityKey, 'utf8').digest();
  const adjective = ADJECTIVES[digest.readUInt32BE(0) % ADJECTIVES.length];
  const animal = ANIMALS[digest.readUInt32BE(4) % ANIMALS.length];
  return `${adjective} ${animal} (anonym)`;
}

/** The identity key of an authenticated user: unique per application (S2, S17). */
export function userIdentityKey(applicationId: string, userId: string): string {
  return JSON.stringify(['user', applicationId, userId]);
}

/** The identity key of an anonymous visitor (S4). */
export function visitorIdentityKey(applicationId: string, visitorId: string): string {
  return JSON.stringify(['visitor', applicationId, visitorId]);
}

/** The identity key of a contact imported from CSV with an email and no `user_id` (S10). */
export function importedIdentityKey(applicationId: string, email: string): string {
  return JSON.stringify(['email', applicationId, email.trim().toLowerCase()]);
}
