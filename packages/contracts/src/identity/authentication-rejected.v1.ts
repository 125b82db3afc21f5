import { z } from 'zod';
import { defineEvent } from '../envelope';
import { UserId } from '../profile';

/** A refused widget authentication, kept for audit (S6, S7). Never carries the presented secret. */
export const AuthenticationRejectedV1 = defineEvent(
  'identity.authentication-rejected',
  1,
  z.strictObject({
    userId: UserId,
    reason: z.enum([
      'security-hash-missing',
      'security-hash-mismatch',
      'user-hash-missing',
      'user-hash-invalid',
      'user-jwt-missing',
      'user-jwt-invalid',
      'rate-limited',
    ]),
    clientAddress: z.string().max(64).optional(),
  }),
);
