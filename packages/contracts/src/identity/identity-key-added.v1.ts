import { z } from 'zod';
import { defineEvent } from '../envelope';
import { ApplicationId, IdentityKeyId } from '../tenancy';

/**
 * An identity-verification key (S7) was added to an application. Only its id and validity window:
 * the secret itself is kept encrypted in the identity service's store, never on the topic.
 */
export const IdentityKeyAddedV1 = defineEvent(
  'identity.identity-key-added',
  1,
  z.strictObject({
    applicationId: ApplicationId,
    keyId: IdentityKeyId,
    activeFrom: z.iso.datetime({ offset: false }),
    retiresAt: z.iso.datetime({ offset: false }).optional(),
  }),
);
