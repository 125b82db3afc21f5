import { StoreServiceConfig, loadConfig, withDefaults } from '@threadline/service-kit';

export const ContactConfig = StoreServiceConfig;
export type ContactConfig = StoreServiceConfig;

export function loadContactConfig(env: NodeJS.ProcessEnv = process.env): ContactConfig {
  return loadConfig(ContactConfig, withDefaults(env, { PORT: '3002' }));
}
