import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { OrganizationView } from '@threadline/contracts';
import { commandMetadata } from './command-metadata';
import { RegisterOrganizationCommand } from './register-organization.command';
import {
  ORGANIZATION_REPOSITORY,
  tenancyStreams,
  type OrganizationRepository,
} from './ports/tenancy-repositories';

@CommandHandler(RegisterOrganizationCommand)
export class RegisterOrganizationHandler implements ICommandHandler<RegisterOrganizationCommand> {
  constructor(
    @Inject(ORGANIZATION_REPOSITORY) private readonly organizations: OrganizationRepository,
  ) {}

  async execute(command: RegisterOrganizationCommand): Promise<OrganizationView> {
    await this.organizations.execute(
      tenancyStreams.organization(command.domain),
      { kind: 'register', domain: command.domain, name: command.name },
      commandMetadata(command.domain, command.correlationId),
    );
    return { domain: command.domain, name: command.name };
  }
}
