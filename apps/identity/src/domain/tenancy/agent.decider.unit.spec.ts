import { agentDecider, type AgentCommand, type AgentEvent } from './agent.decider';
import { given } from './tenancy.spec-kit';
import { AgentEmailTakenError, OrganizationNotFoundError } from './tenancy.errors';

const createAgent = (overrides: Partial<AgentCommand> = {}): AgentCommand => ({
  kind: 'create',
  agentId: 'agent-1',
  organizationDomain: 'acme.example',
  organizationExists: true,
  email: 'ann@acme.example',
  name: 'Ann',
  passwordHash: 'scrypt$16384$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA',
  ...overrides,
});

const anAgentCreated = (overrides: Partial<AgentEvent> = {}): AgentEvent => {
  const { kind: _kind, organizationExists: _exists, ...fields } = createAgent();
  return { kind: 'agent-created', ...fields, ...overrides };
};

describe('agent decider', () => {
  it('given an organization and a new email, when created, then AgentCreated with the hash only', () => {
    expect(given(agentDecider).when(createAgent())()).toEqual([anAgentCreated()]);
  });

  it('given an agent with that email in the organization, when created again, then the email is taken', () => {
    const when = given(agentDecider, [anAgentCreated()]).when(createAgent({ agentId: 'agent-2' }));
    expect(when).toThrow(AgentEmailTakenError);
    expect(when).toThrow(expect.objectContaining({ code: 'AGENT_EMAIL_TAKEN', field: 'email' }));
  });

  it('given no organization, when an agent is created, then the organization is unknown', () => {
    const when = given(agentDecider).when(createAgent({ organizationExists: false }));
    expect(when).toThrow(OrganizationNotFoundError);
  });
});
