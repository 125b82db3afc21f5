import type { Provider } from '@nestjs/common';
import type { GatewayConfig } from '../config/gateway.config';
import { ContactClient } from './contact.client';
import { ConversationClient } from './conversation.client';
import { IdentityClient } from './identity.client';
import { UpstreamClient } from './upstream.client';

/** Imports of a large CSV may take long; every other call is bounded by the upstream timeout. */
const importTimeoutMs = 30 * 60 * 1000;

export function upstreamProviders(config: GatewayConfig): Provider[] {
  const timeout = config.GATEWAY_UPSTREAM_TIMEOUT_MS;
  return [
    {
      provide: IdentityClient,
      useValue: new IdentityClient(new UpstreamClient('identity', config.IDENTITY_URL, timeout)),
    },
    {
      provide: ContactClient,
      useValue: new ContactClient(
        new UpstreamClient('contact', config.CONTACT_URL, timeout),
        importTimeoutMs,
      ),
    },
    {
      provide: ConversationClient,
      useValue: new ConversationClient(
        new UpstreamClient('conversation', config.CONVERSATION_URL, timeout),
      ),
    },
  ];
}
