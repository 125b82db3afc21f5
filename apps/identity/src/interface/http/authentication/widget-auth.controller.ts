import { Body, Controller, Headers, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { WidgetInitBody } from '@threadline/contracts';
import { ZodValidationPipe, correlationIdOf } from '@threadline/service-kit';
import {
  AuthenticateWidgetCommand,
  type WidgetAuthentication,
} from '../../../application/authentication';
import { TenancyErrorFilter } from '../tenancy/tenancy-error.filter';
import { clientAddressOf } from './client-address';

/**
 * Widget init (S1–S7), reached only through the gateway, which sets `x-client-address`. 401 for
 * bad credentials, 403 for a refused user (with `Retry-After` when rate limited), 400 naming
 * the field of a bad body.
 */
@Controller('internal/widget')
@UseFilters(TenancyErrorFilter)
export class WidgetAuthController {
  constructor(private readonly commands: CommandBus) {}

  @Post('auth')
  @HttpCode(200)
  authenticate(
    @Body(new ZodValidationPipe(WidgetInitBody)) body: WidgetInitBody,
    @Req() request: { socket: { remoteAddress?: string } },
    @Headers('x-client-address') clientAddress?: string,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<WidgetAuthentication> {
    return this.commands.execute(
      new AuthenticateWidgetCommand(
        body.organizationDomain,
        body.applicationId,
        body.applicationSecret,
        body.user,
        body.deviceToken,
        clientAddressOf(clientAddress, request.socket.remoteAddress),
        correlationIdOf(correlationId),
      ),
    );
  }
}
