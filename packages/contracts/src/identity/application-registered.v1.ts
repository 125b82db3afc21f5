import { z } from 'zod';
import { defineEvent } from '../envelope';

/** An organization's application was created; secrets appear only as hashes. */
export const ApplicationRegisteredV1 = defineEvent(
  'identity.application-registered',
  1,
  z.strictObject({
    organizationDomain: z.string().min(1).max(253),
    applicationId: z.string().min(1).max(128),
    applicationSecretHash: z.string().min(1).max(512),
    allowedOrigins: z.array(z.url().max(2048)).max(100),
    identityVerification: z.enum(['none', 'required']),
    /** Added later as optional (same version): a label for people, such as "Acme site". */
    name: z.string().min(1).max(255).optional(),
  }),
);
