import { z } from 'zod';
import { defineEvent } from '../envelope';
import { UserProfile } from '../profile';

/** An anonymous visitor got an identity for one device (S4); the pre-chat form is wanted. */
export const VisitorStartedV1 = defineEvent(
  'identity.visitor-started',
  1,
  z.strictObject({
    visitorId: z.string().min(1).max(128),
    deviceId: z.string().min(1).max(128),
    generatedName: z.string().min(1).max(255),
    prefill: UserProfile,
    /** The device session this start opened (S8); added as optional in v1. */
    sessionId: z.string().min(1).max(128).optional(),
  }),
);
