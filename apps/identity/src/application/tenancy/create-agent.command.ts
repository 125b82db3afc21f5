import { Command } from '@nestjs/cqrs';
import type { CreatedAgent } from '@threadline/contracts';

export class CreateAgentCommand extends Command<CreatedAgent> {
  constructor(
    readonly organizationDomain: string,
    readonly email: string,
    readonly name: string,
    /** Undefined: one is generated and returned once. */
    readonly password: string | undefined,
    readonly correlationId: string,
  ) {
    super();
  }
}
