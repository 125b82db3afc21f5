import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
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
  AgentSession,
  AgentSignInBody,
  ContactId,
  ContactListQuery,
  ContactPage,
  ContactView,
  ReadUpToBody,
  SentMessage,
  SetCustomAttributesBody,
  ThreadList,
  ThreadListQuery,
  ThreadPage,
  ThreadPageQuery,
  WidgetSendMessageBody,
} from '@threadline/contracts';
import { ZodValidationPipe } from '@threadline/service-kit';
import type { AgentPrincipal } from '../../../application/auth/agent-sessions.service';
import { ContactClient } from '../../../infrastructure/upstream/contact.client';
import { ConversationClient } from '../../../infrastructure/upstream/conversation.client';
import { IdentityClient } from '../../../infrastructure/upstream/identity.client';
import { AgentSessionGuard } from '../auth/agent-session.guard';
import { ErrorBody, schemaOf } from '../openapi/zod-openapi';
import { Agent, ClientAddress, CorrelationId } from '../request-context';
import type {
  AttributesInput,
  ContactListInput,
  PageInput,
  ReadInput,
  SendInput,
  SignInInput,
  ThreadListInput,
} from '../request-types';
import { GatewayExceptionFilter } from '../gateway-exception.filter';
import { MessageSending } from '../../../application/live/message-sending.service';

interface StatusResponse {
  status(code: number): unknown;
}

const errors = schemaOf(ErrorBody, 'output');
const contactParam = new ZodValidationPipe(ContactId, 'contactId');

function signedIn(principal: AgentPrincipal | undefined): AgentPrincipal {
  if (!principal) throw new Error('AgentSessionGuard did not run');
  return principal;
}

/**
 * The agent API (S14) the dashboard calls: sign-in, then an organization's applications'
 * contacts and threads. `:app` outside the agent's organization is 404 (S17).
 */
@ApiTags('agent')
@Controller('api/agent')
@UseFilters(GatewayExceptionFilter)
export class AgentController {
  constructor(
    private readonly identity: IdentityClient,
    private readonly contacts: ContactClient,
    private readonly conversation: ConversationClient,
    private readonly sending: MessageSending,
  ) {}

  @Post('sign-in')
  @HttpCode(200)
  @ApiOperation({ summary: 'An agent signs in to its organization' })
  @ApiBody({ schema: schemaOf(AgentSignInBody) })
  @ApiResponse({ status: 200, schema: schemaOf(AgentSession, 'output') })
  @ApiResponse({
    status: 401,
    description: 'unknown organization, email or password',
    schema: errors,
  })
  signIn(
    @Body(new ZodValidationPipe(AgentSignInBody)) body: SignInInput,
    @CorrelationId() correlationId: string,
    @ClientAddress() clientAddress: string | undefined,
  ): Promise<AgentSession> {
    return this.identity.signInAgent(body, { correlationId, clientAddress });
  }

  @Get('applications/:app/contacts')
  @UseGuards(AgentSessionGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Contacts (S9): search, filter, page; most recently seen first' })
  @ApiQuery({ name: 'q', required: false })
  @ApiQuery({ name: 'authenticated', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 100 },
  })
  @ApiResponse({ status: 200, schema: schemaOf(ContactPage, 'output') })
  @ApiResponse({
    status: 404,
    description: 'no such application in your organization',
    schema: errors,
  })
  listContacts(
    @Param('app') app: string,
    @Query(new ZodValidationPipe(ContactListQuery)) query: ContactListInput,
  ): Promise<ContactPage> {
    return this.contacts.list(app, query);
  }

  @Get('applications/:app/threads')
  @UseGuards(AgentSessionGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: "The application's threads, latest message first (the inbox)" })
  @ApiQuery({ name: 'before', required: false })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 100 },
  })
  @ApiResponse({ status: 200, schema: schemaOf(ThreadList, 'output') })
  threads(
    @Param('app') app: string,
    @Query(new ZodValidationPipe(ThreadListQuery)) query: ThreadListInput,
  ): Promise<ThreadList> {
    return this.conversation.list(app, query);
  }

  @Get('applications/:app/contacts/:contactId')
  @UseGuards(AgentSessionGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: "A contact's profile and custom attributes" })
  @ApiResponse({ status: 200, schema: schemaOf(ContactView, 'output') })
  contact(
    @Param('app') app: string,
    @Param('contactId', contactParam) contactId: string,
  ): Promise<ContactView> {
    return this.contacts.get(app, contactId);
  }

  @Patch('applications/:app/contacts/:contactId/attributes')
  @HttpCode(204)
  @UseGuards(AgentSessionGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sets typed custom attributes; null removes one (S11)' })
  @ApiBody({ schema: schemaOf(SetCustomAttributesBody) })
  async setAttributes(
    @Param('app') app: string,
    @Param('contactId', contactParam) contactId: string,
    @Body(new ZodValidationPipe(SetCustomAttributesBody)) body: AttributesInput,
    @CorrelationId() correlationId: string,
  ): Promise<void> {
    await this.contacts.setAttributes(app, contactId, body, correlationId);
  }

  @Get('applications/:app/contacts/:contactId/messages')
  @UseGuards(AgentSessionGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: "A page of the contact's thread (S13)" })
  @ApiQuery({ name: 'before', required: false })
  @ApiQuery({ name: 'after', required: false })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: 200 },
  })
  @ApiResponse({ status: 200, schema: schemaOf(ThreadPage, 'output') })
  messages(
    @Param('app') app: string,
    @Param('contactId', contactParam) contactId: string,
    @Query(new ZodValidationPipe(ThreadPageQuery)) query: PageInput,
  ): Promise<ThreadPage> {
    return this.conversation.page(app, contactId, query);
  }

  @Post('applications/:app/contacts/:contactId/messages')
  @UseGuards(AgentSessionGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'An agent replies; a retried clientMessageId answers 200 with the original',
  })
  @ApiBody({ schema: schemaOf(WidgetSendMessageBody) })
  @ApiResponse({ status: 201, schema: schemaOf(SentMessage, 'output') })
  async reply(
    @Agent() principal: AgentPrincipal | undefined,
    @Param('app') app: string,
    @Param('contactId', contactParam) contactId: string,
    @Body(new ZodValidationPipe(WidgetSendMessageBody)) body: SendInput,
    @Res({ passthrough: true }) response: StatusResponse,
    @CorrelationId() correlationId: string,
  ): Promise<SentMessage> {
    const { status, sent } = await this.sending.send(
      {
        applicationId: app,
        contactId,
        clientMessageId: body.clientMessageId,
        author: { kind: 'agent', agentId: signedIn(principal).agentId },
        text: body.text,
      },
      correlationId,
    );
    response.status(status);
    return sent;
  }

  @Post('applications/:app/contacts/:contactId/read')
  @HttpCode(204)
  @UseGuards(AgentSessionGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The agents have read the thread up to a message' })
  @ApiBody({ schema: schemaOf(ReadUpToBody) })
  async read(
    @Param('app') app: string,
    @Param('contactId', contactParam) contactId: string,
    @Body(new ZodValidationPipe(ReadUpToBody)) body: ReadInput,
    @CorrelationId() correlationId: string,
  ): Promise<void> {
    await this.conversation.markRead(
      { applicationId: app, contactId, side: 'agent', upTo: body.upTo },
      correlationId,
    );
  }
}
