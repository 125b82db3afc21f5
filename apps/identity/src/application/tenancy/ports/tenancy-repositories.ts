import type { AggregateRepository } from '@threadline/eventing';
import type {
  AgentCommand,
  AgentEvent,
  AgentState,
  ApplicationCommand,
  ApplicationEvent,
  ApplicationState,
  OrganizationCommand,
  OrganizationEvent,
  OrganizationState,
} from '../../../domain/tenancy';

export type OrganizationRepository = AggregateRepository<
  OrganizationState,
  OrganizationCommand,
  OrganizationEvent
>;
export type ApplicationRepository = AggregateRepository<
  ApplicationState,
  ApplicationCommand,
  ApplicationEvent
>;
export type AgentRepository = AggregateRepository<AgentState, AgentCommand, AgentEvent>;

export const ORGANIZATION_REPOSITORY = Symbol('ORGANIZATION_REPOSITORY');
export const APPLICATION_REPOSITORY = Symbol('APPLICATION_REPOSITORY');
export const AGENT_REPOSITORY = Symbol('AGENT_REPOSITORY');
export const TENANCY_CLOCK = Symbol('TENANCY_CLOCK');

/** Stream names. `/` cannot occur in a domain, so (domain, email) pairs never collide. */
export const tenancyStreams = {
  organization: (domain: string) => `organization-${domain}`,
  application: (applicationId: string) => `application-${applicationId}`,
  agent: (domain: string, email: string) => `agent-${domain}/${email}`,
};
