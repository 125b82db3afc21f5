import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  UseFilters,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  AddIdentityKeyBody,
  ApplicationId,
  DomainInput,
  IdentityKeyId,
  RegisterApplicationBody,
  RetireIdentityKeyBody,
  type ApplicationList,
  type ApplicationView,
  type CreatedApplication,
  type CreatedIdentityKey,
  type IdentityKeyView,
} from '@threadline/contracts';
import type { z } from 'zod';
import { ZodValidationPipe, correlationIdOf } from '@threadline/service-kit';
import {
  AddIdentityKeyCommand,
  GetApplicationQuery,
  ListApplicationsQuery,
  RegisterApplicationCommand,
  RetireIdentityKeyCommand,
} from '../../../application/tenancy';
import { TenancyErrorFilter } from './tenancy-error.filter';

type RegisterApplication = z.output<typeof RegisterApplicationBody>;

/** Internal admin API (admin CLI, `npm start`); never routed through the gateway. */
@Controller('internal/applications')
@UseFilters(TenancyErrorFilter)
export class ApplicationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** The answer holds `applicationSecret` (and an identity key's secret): shown this once only. */
  @Post()
  @HttpCode(201)
  register(
    @Body(new ZodValidationPipe(RegisterApplicationBody)) body: RegisterApplication,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CreatedApplication> {
    return this.commands.execute(
      new RegisterApplicationCommand(
        body.domain,
        body.name,
        body.allowedOrigins,
        body.identityVerification,
        correlationIdOf(correlationId),
      ),
    );
  }

  @Get()
  list(
    @Query('domain', new ZodValidationPipe(DomainInput, 'domain')) domain: string,
  ): Promise<ApplicationList> {
    return this.queries.execute(new ListApplicationsQuery(domain));
  }

  @Get(':applicationId')
  get(
    @Param('applicationId', new ZodValidationPipe(ApplicationId, 'applicationId'))
    applicationId: string,
    @Query('domain', new ZodValidationPipe(DomainInput.optional(), 'domain')) domain?: string,
  ): Promise<ApplicationView> {
    return this.queries.execute(new GetApplicationQuery(applicationId, domain));
  }

  @Post(':applicationId/identity-keys')
  @HttpCode(201)
  addIdentityKey(
    @Param('applicationId', new ZodValidationPipe(ApplicationId, 'applicationId'))
    applicationId: string,
    @Body(new ZodValidationPipe(AddIdentityKeyBody)) body: AddIdentityKeyBody,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<CreatedIdentityKey & { activeFrom: string }> {
    return this.commands.execute(
      new AddIdentityKeyCommand(applicationId, body.activeFrom, correlationIdOf(correlationId)),
    );
  }

  @Post(':applicationId/identity-keys/:keyId/retire')
  @HttpCode(200)
  retireIdentityKey(
    @Param('applicationId', new ZodValidationPipe(ApplicationId, 'applicationId'))
    applicationId: string,
    @Param('keyId', new ZodValidationPipe(IdentityKeyId, 'keyId')) keyId: string,
    @Body(new ZodValidationPipe(RetireIdentityKeyBody)) body: RetireIdentityKeyBody,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<IdentityKeyView> {
    return this.commands.execute(
      new RetireIdentityKeyCommand(
        applicationId,
        keyId,
        body.retiresAt,
        correlationIdOf(correlationId),
      ),
    );
  }
}
