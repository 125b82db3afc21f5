import { z } from 'zod';
import { defineEvent } from '../envelope';
import { UserId } from '../profile';

/** The first `security_hash` seen for a user was bound (S6); only its keyed hash is kept. */
export const HashBoundV1 = defineEvent(
  'identity.hash-bound',
  1,
  z.strictObject({
    userId: UserId,
    keyedHash: z.string().min(1).max(256),
  }),
);
