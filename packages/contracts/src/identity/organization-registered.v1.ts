import { z } from 'zod';
import { defineEvent } from '../envelope';
import { OrganizationDomain } from '../tenancy';

/** An organization (tenant) was registered under its unique domain (S17). */
export const OrganizationRegisteredV1 = defineEvent(
  'identity.organization-registered',
  1,
  z.strictObject({
    domain: OrganizationDomain,
    name: z.string().min(1).max(255),
  }),
);
