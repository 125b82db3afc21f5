import { StoreServiceConfig, loadConfig, withDefaults } from '@threadline/service-kit';
import { z } from 'zod';
import { MIN_PEPPER_BYTES } from '../../domain/keyed-hash';
import { decodeMasterKey } from '../crypto/master-key';
import { parseSessionKeyRing } from '../sessions/session-key-ring';

export const IdentityConfig = StoreServiceConfig.extend({
  /**
   * Encrypts identity-verification secrets at rest (AES-256-GCM): 32 bytes as 64 hex digits or
   * base64. Required in production; elsewhere a public development key is used, with a warning.
   */
  IDENTITY_MASTER_KEY: z
    .string()
    .optional()
    .refine((v) => v === undefined || decodeMasterKey(v) !== null, {
      message: 'must be 32 bytes as 64 hex digits or base64',
    }),
  /**
   * Keys every `security_hash` before it is stored or compared (S6); at least 32 bytes. Required
   * in production; elsewhere a public development pepper is used, with a warning.
   */
  IDENTITY_HASH_PEPPER: z
    .string()
    .optional()
    .refine((v) => v === undefined || Buffer.byteLength(v) >= MIN_PEPPER_BYTES, {
      message: `must be at least ${MIN_PEPPER_BYTES} bytes`,
    }),
  /**
   * Signs device session tokens (S8), HMAC-SHA256: `<keyId>:<secret>` entries, comma-separated,
   * the signing key first and the others still verifying (rotation); secrets of 32+ characters.
   * Required in production; elsewhere a public development key is used, with a warning.
   */
  IDENTITY_SESSION_KEY: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      const ring = v === undefined ? null : parseSessionKeyRing(v);
      if (typeof ring === 'string') ctx.addIssue({ code: 'custom', message: ring });
    }),
  /** Lifetime of a device session token; default 30 days. */
  IDENTITY_SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(31_536_000).default(2_592_000),
  /** Lifetime of an agent token (dashboard sign-in); default 12 hours. */
  IDENTITY_AGENT_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(2_592_000).default(43_200),
}).superRefine((config, ctx) => {
  for (const name of [
    'IDENTITY_MASTER_KEY',
    'IDENTITY_HASH_PEPPER',
    'IDENTITY_SESSION_KEY',
  ] as const) {
    if (config.NODE_ENV === 'production' && config[name] === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        message: 'is required when NODE_ENV=production',
      });
    }
  }
});
export type IdentityConfig = z.infer<typeof IdentityConfig>;

export function loadIdentityConfig(env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  return loadConfig(IdentityConfig, withDefaults(env, { PORT: '3001' }));
}
