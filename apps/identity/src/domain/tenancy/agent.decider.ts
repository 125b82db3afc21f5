import type { Decider } from '@threadline/eventing';
import { AgentEmailTakenError, OrganizationNotFoundError } from './tenancy.errors';

export type AgentState =
  | { status: 'none' }
  | { status: 'created'; agentId: string; organizationDomain: string; email: string; name: string };

export type AgentCommand = {
  kind: 'create';
  agentId: string;
  organizationDomain: string;
  /** Whether the organization's stream holds a registration; the handler reads it. */
  organizationExists: boolean;
  email: string;
  name: string;
  passwordHash: string;
};

export type AgentEvent = {
  kind: 'agent-created';
  agentId: string;
  organizationDomain: string;
  email: string;
  name: string;
  passwordHash: string;
};

/**
 * A support agent. Its stream is named by (organization, email), so an email is unique per
 * organization and the store's optimistic concurrency settles two concurrent creations.
 */
export const agentDecider: Decider<AgentState, AgentCommand, AgentEvent> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.kind) {
      case 'create':
        if (!command.organizationExists) {
          throw new OrganizationNotFoundError(command.organizationDomain);
        }
        if (state.status !== 'none') {
          throw new AgentEmailTakenError(command.email, command.organizationDomain);
        }
        return [
          {
            kind: 'agent-created',
            agentId: command.agentId,
            organizationDomain: command.organizationDomain,
            email: command.email,
            name: command.name,
            passwordHash: command.passwordHash,
          },
        ];
      default: {
        const never: never = command.kind;
        return never;
      }
    }
  },
  evolve(_state, event) {
    switch (event.kind) {
      case 'agent-created':
        return {
          status: 'created',
          agentId: event.agentId,
          organizationDomain: event.organizationDomain,
          email: event.email,
          name: event.name,
        };
      default: {
        const never: never = event.kind;
        return never;
      }
    }
  },
};
