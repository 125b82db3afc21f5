import { z } from 'zod';

const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';

/**
 * An organization's domain, the first argument of `HelpCrunch('init', …)` (S1): lower-case DNS
 * labels (`acme` or `acme.example`). At most 128 characters, since it is also the tenant id of
 * organization-level events.
 */
export const OrganizationDomain = z
  .string()
  .max(128)
  .regex(
    new RegExp(`^${label}(?:\\.${label})*$`),
    'must be a lower-case domain such as acme.example',
  );

/** An application's public id; generated ones are 6 to 9 digits, as HelpCrunch's numeric ids. */
export const ApplicationId = z.string().min(1).max(128);

/** Id of an identity-verification key (S7); never contains `.` or `$`, it keys a stored map. */
export const IdentityKeyId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 of A-Z a-z 0-9 _ -');
