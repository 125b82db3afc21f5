import { BaseServiceConfig, loadConfig, withDefaults } from '@threadline/service-kit';
import { z } from 'zod';

/** The gateway keeps no data: no store; it calls the services' internal HTTP APIs. */
export const GatewayConfig = BaseServiceConfig.extend({
  IDENTITY_URL: z.url(),
  CONTACT_URL: z.url(),
  CONVERSATION_URL: z.url(),
});
export type GatewayConfig = z.infer<typeof GatewayConfig>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadConfig(
    GatewayConfig,
    withDefaults(env, {
      PORT: '3000',
      IDENTITY_URL: 'http://127.0.0.1:3001',
      CONTACT_URL: 'http://127.0.0.1:3002',
      CONVERSATION_URL: 'http://127.0.0.1:3003',
    }),
  );
}
