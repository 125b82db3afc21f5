import { StoreServiceConfig, loadConfig, withDefaults } from '@threadline/service-kit';
import { z } from 'zod';
import { decodeMasterKey } from '../crypto/master-key';

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
}).superRefine((config, ctx) => {
  if (config.NODE_ENV === 'production' && config.IDENTITY_MASTER_KEY === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['IDENTITY_MASTER_KEY'],
      message: 'is required when NODE_ENV=production',
    });
  }
});
export type IdentityConfig = z.infer<typeof IdentityConfig>;

export function loadIdentityConfig(env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  return loadConfig(IdentityConfig, withDefaults(env, { PORT: '3001' }));
}
