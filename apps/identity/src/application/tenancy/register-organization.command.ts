import { Command } from '@nestjs/cqrs';
import type { OrganizationView } from '@threadline/contracts';

export class RegisterOrganizationCommand extends Command<OrganizationView> {
  constructor(
    readonly domain: string,
    readonly name: string,
    readonly correlationId: string,
  ) {
    super();
  }
}
