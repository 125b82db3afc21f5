import { z } from 'zod';
import { CustomAttributeChanges } from '../contact/custom-attribute';
import { UserId } from '../profile';
import { ApplicationId, OrganizationDomain } from '../tenancy';

/** Snippets often render a missing value as `''` or `null`: both mean "not given". */
function optionalField<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    schema.optional(),
  );
}

/** The `user` object of `HelpCrunch('init', …)` (S2, S4, S6, S7). */
export const WidgetInitUser = z.strictObject({
  /** Opaque, 1 to 255 characters of any kind; a number is taken as its decimal string (S2). */
  user_id: optionalField(
    z.union([
      UserId,
      z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).transform(String),
    ]),
  ),
  email: optionalField(z.string().trim().pipe(z.email().max(254))),
  name: optionalField(z.string().trim().min(1).max(255)),
  phone: optionalField(z.string().trim().min(1).max(64)),
  company: optionalField(z.string().trim().min(1).max(255)),
  /** Any string up to 1024 characters, bound on first use (S6). */
  security_hash: optionalField(z.string().max(1024)),
  /** Hex HMAC-SHA256(identity secret, user_id) (S7); checked by the service, so only bounded here. */
  user_hash: optionalField(z.string().max(128)),
  /** HS256 JWT (S7); checked by the service, so only bounded here. */
  user_jwt: optionalField(z.string().max(8192)),
  /** Typed custom attributes for the user's contact (S11), as `updateUserData` takes them. */
  custom_data: optionalField(CustomAttributeChanges),
});
export type WidgetInitUser = z.output<typeof WidgetInitUser>;

/**
 * The body the widget posts for `HelpCrunch('init', '<organization domain>', { applicationId,
 * applicationSecret, user })` (S1), plus the device token the widget keeps per browser (S4).
 * Validate with `safeParse` and report failures with `describeIssues`, which names each field.
 */
export const WidgetInitBody = z.strictObject({
  organizationDomain: z.string().trim().toLowerCase().pipe(OrganizationDomain),
  /** HelpCrunch snippets pass it as a number: taken as its decimal string. */
  applicationId: z
    .union([z.string().trim(), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)])
    .transform(String)
    .pipe(ApplicationId),
  applicationSecret: z.string().min(1).max(256),
  user: z.preprocess((value) => (value === null ? undefined : value), WidgetInitUser.optional()),
  deviceToken: optionalField(
    z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, 'must be 8-128 of A-Z a-z 0-9 _ -'),
  ),
});
export type WidgetInitBody = z.output<typeof WidgetInitBody>;
export type WidgetInitInput = z.input<typeof WidgetInitBody>;
