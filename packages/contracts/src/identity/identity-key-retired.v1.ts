import { z } from 'zod';
import { defineEvent } from '../envelope';
import { ApplicationId, IdentityKeyId } from '../tenancy';

/** An identity key stops verifying at `retiresAt`; until then old and new keys overlap (S7). */
export const IdentityKeyRetiredV1 = defineEvent(
  'identity.identity-key-retired',
  1,
  z.strictObject({
    applicationId: ApplicationId,
    keyId: IdentityKeyId,
    retiresAt: z.iso.datetime({ offset: false }),
  }),
);
