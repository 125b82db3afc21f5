import { z } from 'zod';
import { ApplicationId, IdentityKeyId, OrganizationDomain } from '../tenancy';

/**
 * Bodies and answers of the identity service's internal admin API (`/internal/...`), used by the
 * admin CLI and `npm start`. Never exposed through the gateway.
 */

/** Accepts `Acme.Example` and returns `acme.example`: domains compare case-insensitively. */
export const DomainInput = z.string().trim().toLowerCase().pipe(OrganizationDomain);

/** A site origin (`scheme://host[:port]`); a bare trailing `/` is dropped, any other path refused. */
export const SiteOrigin = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) origin such as https://acme.example' })
  .max(2048)
  .superRefine((value, ctx) => {
    // zod 4 runs this check even after z.url() refused the value: that refusal is already reported.
    if (!URL.canParse(value)) return;
    const url = new URL(value);
    if (url.origin === 'null' || `${url.origin}/` !== url.href.replace(/\/?$/, '/')) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be an origin without path, query or fragment',
      });
    }
  })
  .transform((value) => new URL(value).origin);

export const RegisterOrganizationBody = z.strictObject({
  domain: DomainInput,
  name: z.string().trim().min(1).max(255),
});
export type RegisterOrganizationBody = z.infer<typeof RegisterOrganizationBody>;

export const RegisterApplicationBody = z.strictObject({
  domain: DomainInput,
  name: z.string().trim().min(1).max(255),
  allowedOrigins: z.array(SiteOrigin).min(1).max(100),
  identityVerification: z.enum(['none', 'required']).default('none'),
});
export type RegisterApplicationBody = z.input<typeof RegisterApplicationBody>;

export const CreateAgentBody = z.strictObject({
  domain: DomainInput,
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  name: z.string().trim().min(1).max(255),
  /** Omitted: the service generates one and returns it once. */
  password: z.string().min(12).max(256).optional(),
});
export type CreateAgentBody = z.infer<typeof CreateAgentBody>;

export const AddIdentityKeyBody = z.strictObject({
  /** Default: now. */
  activeFrom: z.iso.datetime({ offset: true }).optional(),
});
export type AddIdentityKeyBody = z.infer<typeof AddIdentityKeyBody>;

export const RetireIdentityKeyBody = z.strictObject({
  /** End of the overlap in which the key still verifies; default: 24 hours from now. */
  retiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type RetireIdentityKeyBody = z.infer<typeof RetireIdentityKeyBody>;

export const OrganizationView = z.object({ domain: OrganizationDomain, name: z.string() });
export type OrganizationView = z.infer<typeof OrganizationView>;

export const IdentityKeyView = z.object({
  keyId: IdentityKeyId,
  activeFrom: z.string(),
  retiresAt: z.string().optional(),
});
export type IdentityKeyView = z.infer<typeof IdentityKeyView>;

export const ApplicationView = z.object({
  organizationDomain: z.string(),
  applicationId: ApplicationId,
  name: z.string().optional(),
  allowedOrigins: z.array(z.string()),
  identityVerification: z.enum(['none', 'required']),
  identityKeys: z.array(IdentityKeyView),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

/** A secret appears in exactly one answer, the one that created it. */
export const CreatedIdentityKey = z.object({ keyId: IdentityKeyId, secret: z.string() });
export type CreatedIdentityKey = z.infer<typeof CreatedIdentityKey>;

export const CreatedApplication = ApplicationView.extend({
  applicationSecret: z.string(),
  identityKey: CreatedIdentityKey.optional(),
});
export type CreatedApplication = z.infer<typeof CreatedApplication>;

export const ApplicationList = z.object({ applications: z.array(ApplicationView) });
export type ApplicationList = z.infer<typeof ApplicationList>;

export const AgentView = z.object({
  agentId: z.string(),
  organizationDomain: z.string(),
  email: z.string(),
  name: z.string(),
});
export type AgentView = z.infer<typeof AgentView>;

export const CreatedAgent = AgentView.extend({
  /** Present only when the service generated the password. */
  password: z.string().optional(),
});
export type CreatedAgent = z.infer<typeof CreatedAgent>;

/** Every 4xx of the admin API: a stable `error` code, and the offending `field` when there is one. */
export const AdminErrorBody = z.object({
  statusCode: z.number(),
  error: z.string(),
  message: z.string(),
  field: z.string().optional(),
});
export type AdminErrorBody = z.infer<typeof AdminErrorBody>;
