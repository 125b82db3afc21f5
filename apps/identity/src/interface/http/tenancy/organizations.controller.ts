import { Body, Controller, Headers, HttpCode, Post, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { RegisterOrganizationBody, type OrganizationView } from '@threadline/contracts';
import { ZodValidationPipe, correlationIdOf } from '@threadline/service-kit';
import { RegisterOrganizationCommand } from '../../../application/tenancy';
import { TenancyErrorFilter } from './tenancy-error.filter';

/** Internal admin API (admin CLI, `npm start`); never routed through the gateway. */
@Controller('internal/organizations')
@UseFilters(TenancyErrorFilter)
export class OrganizationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  register(
    @Body(new ZodValidationPipe(RegisterOrganizationBody)) body: RegisterOrganizationBody,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<OrganizationView> {
    return this.commands.execute(
      new RegisterOrganizationCommand(body.domain, body.name, correlationIdOf(correlationId)),
    );
  }
}
