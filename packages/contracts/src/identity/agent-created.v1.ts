import { z } from 'zod';
import { defineEvent } from '../envelope';
import { OrganizationDomain } from '../tenancy';

/** A support agent of an organization was created; the password appears only as a scrypt hash. */
export const AgentCreatedV1 = defineEvent(
  'identity.agent-created',
  1,
  z.strictObject({
    agentId: z.string().min(1).max(128),
    organizationDomain: OrganizationDomain,
    email: z.email().max(254),
    name: z.string().min(1).max(255),
    passwordHash: z
      .string()
      .regex(/^scrypt\$/, 'must be a scrypt hash')
      .max(512),
  }),
);
