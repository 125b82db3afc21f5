import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UseFilters,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApplicationId,
  ContactId,
  ContactListQuery,
  SetCustomAttributesBody,
  SubmitPreChatFormBody,
  UpdateProfileBody,
  type ContactPage,
  type ContactView,
} from '@threadline/contracts';
import { ZodValidationPipe, correlationIdOf } from '@threadline/service-kit';
import {
  GetContactQuery,
  ListContactsQuery,
  SetCustomAttributesCommand,
  SubmitPreChatFormCommand,
  UpdateProfileCommand,
} from '../../application/contacts';
import { ContactErrorFilter } from './contact-error.filter';

/** The contact service's internal API (S4, S9, S11, S14), called only by the gateway. */
@Controller('internal/contacts')
@UseFilters(ContactErrorFilter)
export class ContactsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('pre-chat')
  @HttpCode(204)
  async submitPreChat(
    @Body(new ZodValidationPipe(SubmitPreChatFormBody)) body: SubmitPreChatFormBody,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<void> {
    await this.commands.execute(
      new SubmitPreChatFormCommand(
        body.applicationId,
        body.contactId,
        body.name,
        body.email,
        correlationIdOf(correlationId),
      ),
    );
  }

  @Get(':applicationId')
  list(
    @Param('applicationId', new ZodValidationPipe(ApplicationId, 'applicationId'))
    applicationId: string,
    @Query(new ZodValidationPipe(ContactListQuery)) query: ContactListQuery,
  ): Promise<ContactPage> {
    return this.queries.execute(new ListContactsQuery(applicationId, query));
  }

  @Get(':applicationId/:contactId')
  get(
    @Param('applicationId', new ZodValidationPipe(ApplicationId, 'applicationId'))
    applicationId: string,
    @Param('contactId', new ZodValidationPipe(ContactId, 'contactId')) contactId: string,
  ): Promise<ContactView> {
    return this.queries.execute(new GetContactQuery(applicationId, contactId));
  }

  @Patch(':applicationId/:contactId/profile')
  @HttpCode(204)
  async updateProfile(
    @Param('applicationId', new ZodValidationPipe(ApplicationId, 'applicationId'))
    applicationId: string,
    @Param('contactId', new ZodValidationPipe(ContactId, 'contactId')) contactId: string,
    @Body(new ZodValidationPipe(UpdateProfileBody)) body: UpdateProfileBody,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<void> {
    await this.commands.execute(
      new UpdateProfileCommand(applicationId, contactId, body, correlationIdOf(correlationId)),
    );
  }

  @Patch(':applicationId/:contactId/attributes')
  @HttpCode(204)
  async setAttributes(
    @Param('applicationId', new ZodValidationPipe(ApplicationId, 'applicationId'))
    applicationId: string,
    @Param('contactId', new ZodValidationPipe(ContactId, 'contactId')) contactId: string,
    @Body(new ZodValidationPipe(SetCustomAttributesBody)) body: SetCustomAttributesBody,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<void> {
    await this.commands.execute(
      new SetCustomAttributesCommand(
        applicationId,
        contactId,
        body.attributes,
        correlationIdOf(correlationId),
      ),
    );
  }
}
