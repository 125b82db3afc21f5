import { StoreServiceConfig, loadConfig, withDefaults } from '@threadline/service-kit';

export const ConversationConfig = StoreServiceConfig;
export type ConversationConfig = StoreServiceConfig;

export function loadConversationConfig(env: NodeJS.ProcessEnv = process.env): ConversationConfig {
  return loadConfig(ConversationConfig, withDefaults(env, { PORT: '3003' }));
}
