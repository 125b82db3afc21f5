import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UseFilters,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApplicationId,
  ContactId,
  MarkThreadReadBody,
  SendMessageBody,
  ThreadListQuery,
  ThreadPageQuery,
  type AcceptedSentMessage,
  type ThreadList,
  type ThreadPage,
  type ThreadSummary,
} from '@threadline/contracts';
import { ZodValidationPipe, correlationIdOf } from '@threadline/service-kit';
import {
  GetThreadPageQuery,
  GetThreadSummaryQuery,
  ListThreadsQuery,
  MarkThreadReadCommand,
  SendMessageCommand,
} from '../../application';
import { ThreadErrorFilter } from './thread-error.filter';

/**
 * The conversation service's internal API, called only by the gateway, which checked the session
 * and derives `contactId` from it (S6: a refused init has no session, so no contact id at all).
 */
@Controller('internal/threads')
@UseFilters(ThreadErrorFilter)
export class ThreadsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /**
   * 201 for a new message, with its commit's position for the gateway's live delivery; 200 with
   * the original for a retried `clientMessageId`.
   */
  @Post('messages')
  async send(
    @Body(new ZodValidationPipe(SendMessageBody)) body: SendMessageBody,
    @Res({ passthrough: true }) response: { status(code: number): unknown },
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<AcceptedSentMessage> {
    const sent = await this.commands.execute(
      new SendMessageCommand(
        body.applicationId,
        body.contactId,
        body.clientMessageId,
        body.author,
        body.text,
        correlationIdOf(correlationId),
      ),
    );
    response.status(sent.duplicate ? 200 : 201);
    return sent;
  }

  @Post('read')
  @HttpCode(204)
  async read(
    @Body(new ZodValidationPipe(MarkThreadReadBody)) body: MarkThreadReadBody,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<void> {
    await this.commands.execute(
      new MarkThreadReadCommand(
        body.applicationId,
        body.contactId,
        body.side,
        body.upTo,
        correlationIdOf(correlationId),
      ),
    );
  }

  @Get(':applicationId/:contactId/messages')
  page(
    @Param('applicationId', new ZodValidationPipe(ApplicationId, 'applicationId'))
    applicationId: string,
    @Param('contactId', new ZodValidationPipe(ContactId, 'contactId')) contactId: string,
    @Query(new ZodValidationPipe(ThreadPageQuery)) query: ThreadPageQuery,
  ): Promise<ThreadPage> {
    return this.queries.execute(new GetThreadPageQuery(applicationId, contactId, query));
  }

  @Get(':applicationId/:contactId')
  summary(
    @Param('applicationId', new ZodValidationPipe(ApplicationId, 'applicationId'))
    applicationId: string,
    @Param('contactId', new ZodValidationPipe(ContactId, 'contactId')) contactId: string,
  ): Promise<ThreadSummary> {
    return this.queries.execute(new GetThreadSummaryQuery(applicationId, contactId));
  }

  @Get(':applicationId')
  list(
    @Param('applicationId', new ZodValidationPipe(ApplicationId, 'applicationId'))
    applicationId: string,
    @Query(new ZodValidationPipe(ThreadListQuery)) query: ThreadListQuery,
  ): Promise<ThreadList> {
    return this.queries.execute(new ListThreadsQuery(applicationId, query));
  }
}
