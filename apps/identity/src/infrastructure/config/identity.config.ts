import { StoreServiceConfig, loadConfig, withDefaults } from '@threadline/service-kit';

export const IdentityConfig = StoreServiceConfig;
export type IdentityConfig = StoreServiceConfig;

export function loadIdentityConfig(env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  return loadConfig(IdentityConfig, withDefaults(env, { PORT: '3001' }));
}
