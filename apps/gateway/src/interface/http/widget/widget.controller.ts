import {
  Body,
  Controller,
  Get,
  HttpCode,
  Patch,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
  UseFilters,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  PreChatFormBody,
  ReadUpToBody,
  SentMessage,
  ThreadPage,
  ThreadPageQuery,
  UpdateProfileBody,
  WidgetInitBody,
  WidgetSendMessageBody,
  WidgetSession,
  WidgetUserDataBody,
} from '@threadline/contracts';
import { ZodValidationPipe } from '@threadline/service-kit';
import type { WidgetPrincipal } from '../../../application/auth/widget-sessions.service';
import { WidgetSessions } from '../../../application/auth/widget-sessions.service';
import { WidgetInit } from '../../../application/widget/widget-init.service';
import { ContactClient } from '../../../infrastructure/upstream/contact.client';
import { ConversationClient } from '../../../infrastructure/upstream/conversation.client';
import { WidgetSessionGuard } from '../auth/widget-session.guard';
import { ErrorBody, schemaOf } from '../openapi/zod-openapi';
import { ClientAddress, CorrelationId, Widget, type GatewayRequest } from '../request-context';
import { WidgetOrigins } from '../widget-origins.service';
import type {
  InitInput,
  PageInput,
  PreChatInput,
  ProfileInput,
  ReadInput,
  SendInput,
  UserDataInput,
} from '../request-types';
import { GatewayExceptionFilter } from '../gateway-exception.filter';
import { MessageSending } from '../../../application/live/message-sending.service';

interface StatusResponse {
  status(code: number): unknown;
  removeHeader(name: string): void;
}

const errors = schemaOf(ErrorBody, 'output');

/** Principal of a guarded route: the guard ran, so it is there. */
function session(principal: WidgetPrincipal | undefined): WidgetPrincipal {
  if (!principal) throw new Error('WidgetSessionGuard did not run');
  return principal;
}

/** The widget API (S1–S13): what `widget.js` calls from a business's page. */
@ApiTags('widget')
@Controller('api/widget')
@UseFilters(GatewayExceptionFilter)
export class WidgetController {
  constructor(
    private readonly widgetInit: WidgetInit,
    private readonly sessions: WidgetSessions,
    private readonly origins: WidgetOrigins,
    private readonly conversation: ConversationClient,
    private readonly contacts: ContactClient,
    private readonly sending: MessageSending,
  ) {}

  @Post('init')
  @HttpCode(200)
  @ApiOperation({
    summary: "HelpCrunch('init', domain, { applicationId, applicationSecret, user }) (S1–S7)",
  })
  @ApiBody({ schema: schemaOf(WidgetInitBody) })
  @ApiResponse({ status: 200, schema: schemaOf(WidgetSession, 'output') })
  @ApiResponse({
    status: 401,
    description: 'unknown organization or application, wrong secret',
    schema: errors,
  })
  @ApiResponse({
    status: 403,
    description: 'security hash or signed identity refused; origin not allowed',
    schema: errors,
  })
  async init(
    @Body(new ZodValidationPipe(WidgetInitBody)) body: InitInput,
    @Req() request: GatewayRequest,
    @Res({ passthrough: true }) response: StatusResponse,
    @CorrelationId() correlationId: string,
    @ClientAddress() clientAddress: string | undefined,
  ): Promise<WidgetSession> {
    await this.origins.check(request, response, body.applicationId);
    return this.widgetInit.init(body, { correlationId, clientAddress });
  }

  @Post('logout')
  @HttpCode(204)
  @UseGuards(WidgetSessionGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: "HelpCrunch('logOut'): ends this device's session (S8)" })
  async logout(
    @Widget() principal: WidgetPrincipal | undefined,
    @CorrelationId() correlationId: string,
  ): Promise<void> {
    await this.sessions.end(session(principal), correlationId);
  }

  @Get('messages')
  @UseGuards(WidgetSessionGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A page of the thread: `before` pages back, `after` catches up (S13)' })
  @ApiQuery({ name: 'before', required: false })
  @ApiQuery({ name: 'after', required: false })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 200 },
  })
  @ApiResponse({ status: 200, schema: schemaOf(ThreadPage, 'output') })
  messages(
    @Widget() principal: WidgetPrincipal | undefined,
    @Query(new ZodValidationPipe(ThreadPageQuery)) query: PageInput,
  ): Promise<ThreadPage> {
    const { applicationId, contactId } = session(principal);
    return this.conversation.page(applicationId, contactId, query);
  }

  @Post('messages')
  @UseGuards(WidgetSessionGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Sends a message; a retried clientMessageId answers 200 with the original',
  })
  @ApiBody({ schema: schemaOf(WidgetSendMessageBody) })
  @ApiResponse({ status: 201, schema: schemaOf(SentMessage, 'output') })
  async send(
    @Widget() principal: WidgetPrincipal | undefined,
    @Body(new ZodValidationPipe(WidgetSendMessageBody)) body: SendInput,
    @Res({ passthrough: true }) response: StatusResponse,
    @CorrelationId() correlationId: string,
  ): Promise<SentMessage> {
    const { applicationId, contactId, deviceId } = session(principal);
    const { status, sent } = await this.sending.send(
      {
        applicationId,
        contactId,
        clientMessageId: body.clientMessageId,
        author: { kind: 'user', deviceId },
        text: body.text,
      },
      correlationId,
    );
    response.status(status);
    return sent;
  }

  @Post('read')
  @HttpCode(204)
  @UseGuards(WidgetSessionGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The user has read the thread up to a message' })
  @ApiBody({ schema: schemaOf(ReadUpToBody) })
  async read(
    @Widget() principal: WidgetPrincipal | undefined,
    @Body(new ZodValidationPipe(ReadUpToBody)) body: ReadInput,
    @CorrelationId() correlationId: string,
  ): Promise<void> {
    const { applicationId, contactId } = session(principal);
    await this.conversation.markRead(
      { applicationId, contactId, side: 'user', upTo: body.upTo },
      correlationId,
    );
  }

  @Post('pre-chat')
  @HttpCode(204)
  @UseGuards(WidgetSessionGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'An anonymous visitor filled in the pre-chat form (S4, S9b)' })
  @ApiBody({ schema: schemaOf(PreChatFormBody) })
  async preChat(
    @Widget() principal: WidgetPrincipal | undefined,
    @Body(new ZodValidationPipe(PreChatFormBody)) body: PreChatInput,
    @CorrelationId() correlationId: string,
  ): Promise<void> {
    const { applicationId, contactId } = session(principal);
    await this.contacts.submitPreChat({ applicationId, contactId, ...body }, correlationId);
  }

  @Patch('user')
  @HttpCode(204)
  @UseGuards(WidgetSessionGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: "HelpCrunch('updateUser', { email, name, phone, company }) (S11)" })
  @ApiBody({ schema: schemaOf(UpdateProfileBody) })
  async updateUser(
    @Widget() principal: WidgetPrincipal | undefined,
    @Body(new ZodValidationPipe(UpdateProfileBody)) body: ProfileInput,
    @CorrelationId() correlationId: string,
  ): Promise<void> {
    const { applicationId, contactId } = session(principal);
    await this.contacts.updateProfile(applicationId, contactId, body, correlationId);
  }

  @Patch('user-data')
  @HttpCode(204)
  @UseGuards(WidgetSessionGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary: "HelpCrunch('updateUserData', { key: value }); null removes a key (S11)",
  })
  @ApiBody({ schema: schemaOf(WidgetUserDataBody) })
  async updateUserData(
    @Widget() principal: WidgetPrincipal | undefined,
    @Body(new ZodValidationPipe(WidgetUserDataBody)) body: UserDataInput,
    @CorrelationId() correlationId: string,
  ): Promise<void> {
    const { applicationId, contactId } = session(principal);
    await this.contacts.setAttributes(
      applicationId,
      contactId,
      { attributes: body },
      correlationId,
    );
  }
}
