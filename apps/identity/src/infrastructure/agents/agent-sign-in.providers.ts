import type { Provider } from '@nestjs/common';
import { EVENT_STORE, systemClock, type EventStore } from '@threadline/eventing';
import {
  AGENT_CREDENTIALS,
  AGENT_SIGN_IN_CLOCK,
  AGENT_SIGN_IN_SETTINGS,
} from '../../application/agents/agent-credentials.port';
import { AgentSignIn } from '../../application/agents/agent-sign-in.service';
import { AGENT_TOKENS } from '../../application/agents/agent-tokens.port';
import type { IdentityConfig } from '../config/identity.config';
import { resolveSessionKeyRing } from '../sessions/session-key-ring';
import { EventStoreAgentCredentials } from './event-store-agent-credentials';
import { HmacAgentTokens } from './hmac-agent-tokens';

/** Agent sign-in (S14): tokens signed under the session key ring (its boot warning covers both). */
export function agentSignInProviders(config: IdentityConfig): Provider[] {
  return [
    AgentSignIn,
    {
      provide: AGENT_TOKENS,
      useFactory: () =>
        new HmacAgentTokens(resolveSessionKeyRing(config.IDENTITY_SESSION_KEY).ring),
    },
    {
      provide: AGENT_CREDENTIALS,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new EventStoreAgentCredentials(store),
    },
    { provide: AGENT_SIGN_IN_CLOCK, useValue: systemClock },
    {
      provide: AGENT_SIGN_IN_SETTINGS,
      useValue: { ttlSeconds: config.IDENTITY_AGENT_TOKEN_TTL_SECONDS },
    },
  ];
}
