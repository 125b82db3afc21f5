import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CreatedAgent } from '@threadline/contracts';
import { commandMetadata } from './command-metadata';
import { CreateAgentCommand } from './create-agent.command';
import { SECRET_HASHER, type SecretHasher } from './ports/secret-hasher.port';
import { TENANCY_RANDOMNESS, type TenancyRandomness } from './ports/tenancy-randomness.port';
import {
  AGENT_REPOSITORY,
  ORGANIZATION_REPOSITORY,
  tenancyStreams,
  type AgentRepository,
  type OrganizationRepository,
} from './ports/tenancy-repositories';

@CommandHandler(CreateAgentCommand)
export class CreateAgentHandler implements ICommandHandler<CreateAgentCommand> {
  constructor(
    @Inject(ORGANIZATION_REPOSITORY) private readonly organizations: OrganizationRepository,
    @Inject(AGENT_REPOSITORY) private readonly agents: AgentRepository,
    @Inject(SECRET_HASHER) private readonly hasher: SecretHasher,
    @Inject(TENANCY_RANDOMNESS) private readonly random: TenancyRandomness,
  ) {}

  async execute(command: CreateAgentCommand): Promise<CreatedAgent> {
    const domain = command.organizationDomain;
    const organization = await this.organizations.load(tenancyStreams.organization(domain));
    const password = command.password ?? this.random.password();
    const agentId = this.random.agentId();
    await this.agents.execute(
      tenancyStreams.agent(domain, command.email),
      {
        kind: 'create',
        agentId,
        organizationDomain: domain,
        organizationExists: organization.state.status === 'registered',
        email: command.email,
        name: command.name,
        passwordHash: await this.hasher.hash(password),
      },
      commandMetadata(domain, command.correlationId),
    );
    return {
      agentId,
      organizationDomain: domain,
      email: command.email,
      name: command.name,
      ...(command.password === undefined ? { password } : {}),
    };
  }
}
