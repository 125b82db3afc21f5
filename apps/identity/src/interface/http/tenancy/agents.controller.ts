import { Body, Controller, Headers, HttpCode, Post, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CreateAgentBody, type CreatedAgent } from '@threadline/contracts';
import { ZodValidationPipe, correlationIdOf } from '@threadline/service-kit';
import { CreateAgentCommand } from '../../../application/tenancy';
import { TenancyErrorFilter } from './tenancy-error.filter';

/** Internal admin API (admin CLI, `npm start`); never routed through the gateway. */
@Controller('internal/agents')
@UseFilters(TenancyErrorFilter)
export class AgentsController {
  constructor(private readonly commands: CommandBus) {}

  /** Without `password` in the body, one is generated and returned in this answer only. */
  @Post()
  @HttpCode(201)
  create(
    @Body(new ZodValidationPipe(CreateAgentBody)) body: CreateAgentBody,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CreatedAgent> {
    return this.commands.execute(
      new CreateAgentCommand(
        body.domain,
        body.email,
        body.name,
        body.password,
        correlationIdOf(correlationId),
      ),
    );
  }
}
