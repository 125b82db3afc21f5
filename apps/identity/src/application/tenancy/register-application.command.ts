import { Command } from '@nestjs/cqrs';
import type { CreatedApplication } from '@threadline/contracts';
import type { IdentityVerification } from '../../domain/tenancy';

export class RegisterApplicationCommand extends Command<CreatedApplication> {
  constructor(
    readonly organizationDomain: string,
    readonly name: string,
    readonly allowedOrigins: string[],
    readonly identityVerification: IdentityVerification,
    readonly correlationId: string,
  ) {
    super();
  }
}
