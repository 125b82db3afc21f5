import { createHash } from 'node:crypto';

/**
 * Who a contact is, as the services that key data by contact agree on it without asking each
 * other: a `user_id` of an application (S2), the anonymous visitor of one device (S4), or a
 * contact imported from CSV with an email but no `user_id` (S10).
 */
export type ContactSubject =
  | { kind: 'user'; userId: string }
  | { kind: 'visitor'; visitorId: string }
  | { kind: 'email'; email: string };

const prefixes = { user: 'usr', visitor: 'vis', email: 'eml' } as const;

function subjectValue(subject: ContactSubject): string {
  switch (subject.kind) {
    case 'user':
      return subject.userId;
    case 'visitor':
      return subject.visitorId;
    case 'email':
      return subject.email.trim().toLowerCase();
    default: {
      const unreachable: never = subject;
      return unreachable;
    }
  }
}

/**
 * The contact id of a subject: deterministic, so identity, contact, conversation and gateway
 * derive the same one from the same event or session. A `user_id` is up to 255 characters of
 * anything, so it enters as a digest: bounded, URL-safe, and never a key with `.` or `$`. The
 * application is part of the digest, so equal `user_id`s of two applications never meet (S17).
 */
export function contactIdOf(applicationId: string, subject: ContactSubject): string {
  const digest = createHash('sha256')
    .update(`${applicationId}\n${subject.kind}\n${subjectValue(subject)}`, 'utf8')
    .digest('base64url')
    .slice(0, 32);
  return `${prefixes[subject.kind]}_${digest}`;
}

/** Contact ids as `contactIdOf` makes them; anything else from outside is refused. */
export const ContactIdPattern = /^(usr|vis|eml)_[A-Za-z0-9_-]{32}$/;

const threadPrefix = 'thread-';

/** The one thread of a contact (S3); the contact id already names its application. */
export function threadStreamId(contactId: string): string {
  return `${threadPrefix}${contactId}`;
}

/** The contact whose thread a conversation event belongs to, or undefined for other streams. */
export function contactIdOfThread(streamId: string): string | undefined {
  if (!streamId.startsWith(threadPrefix)) return undefined;
  const contactId = streamId.slice(threadPrefix.length);
  return ContactIdPattern.test(contactId) ? contactId : undefined;
}
