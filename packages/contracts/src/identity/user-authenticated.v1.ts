import { z } from 'zod';
import { defineEvent } from '../envelope';
import { CustomAttributeChanges } from '../contact/custom-attribute';
import { UserId, UserProfile } from '../profile';

/** A widget init with a `user_id` passed every check (S2); carries the profile fields sent. */
export const UserAuthenticatedV1 = defineEvent(
  'identity.user-authenticated',
  1,
  z.strictObject({
    userId: UserId,
    deviceId: z.string().min(1).max(128),
    sessionId: z.string().min(1).max(128),
    profile: UserProfile,
    /** Which key verified a signed identity (S7), when one was required. */
    verifiedBy: z.string().min(1).max(128).optional(),
    /** `Adjective Animal (anonym)` while the user has no name on file (S5); added as optional in v1. */
    generatedName: z.string().min(1).max(255).optional(),
    /**
     * S12: the anonymous visitor this device was until this login, whose conversation and contact
     * now join the user's; added as optional in v1.
     */
    previousVisitorId: z.string().min(1).max(128).optional(),
    /**
     * S11: the init's `custom_data`, for the contact's attributes (null removes one). In the event
     * rather than a later call, so it reaches the contact with the login whatever the lag; added
     * as optional in v1.
     */
    customData: CustomAttributeChanges.optional(),
  }),
);
