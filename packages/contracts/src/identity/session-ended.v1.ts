import { z } from 'zod';
import { defineEvent } from '../envelope';

/** A device session ended by logout or revocation (S8). */
export const SessionEndedV1 = defineEvent(
  'identity.session-ended',
  1,
  z.strictObject({
    sessionId: z.string().min(1).max(128),
    reason: z.enum(['logout', 'revoked', 'expired']),
  }),
);
