import type { EventStore } from '@threadline/eventing';
import type {
  AgentCredentials,
  AgentCredentialsLookup,
} from '../../application/agents/agent-credentials.port';
import { tenancyStreams } from '../../application/tenancy/ports/tenancy-repositories';

/**
 * Reads an agent's credentials from its own stream (`agent-<domain>/<email>`): one keyed load,
 * consistent with the write that created the agent, and no second copy of the password hash.
 */
export class EventStoreAgentCredentials implements AgentCredentialsLookup {
  constructor(private readonly store: EventStore) {}

  async find(organizationDomain: string, email: string): Promise<AgentCredentials | null> {
    const events = await this.store.load(tenancyStreams.agent(organizationDomain, email));
    let found: AgentCredentials | null = null;
    for (const event of events) {
      if (event.type === 'identity.agent-created') {
        const { agentId, email: agentEmail, name, passwordHash } = event.payload;
        found = {
          agentId,
          organizationDomain: event.payload.organizationDomain,
          email: agentEmail,
          name,
          passwordHash,
        };
      }
    }
    return found;
  }
}
