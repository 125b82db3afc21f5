import type { IncomingMessage } from 'node:http';
import {
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpException,
  Inject,
  NotFoundException,
  Param,
  Post,
  Req,
  UseFilters,
} from '@nestjs/common';
import { ApplicationId, type ImportList, type ImportStatus } from '@threadline/contracts';
import { z } from 'zod';
import { correlationIdOf, ReadsOwnBody, ZodValidationPipe } from '@threadline/service-kit';
import {
  ContactImportService,
  IMPORT_STATUS_STORE,
  type ImportStatusStore,
} from '../../application/import';
import { ContactErrorFilter } from './contact-error.filter';

const ImportId = z.uuid({ version: 'v7' });

/** S10: CSV imports, streamed in as the request body, and their progress and reports. */
@Controller('internal/contacts/:applicationId/imports')
@UseFilters(ContactErrorFilter)
export class ImportsController {
  constructor(
    private readonly imports: ContactImportService,
    @Inject(IMPORT_STATUS_STORE) private readonly statuses: ImportStatusStore,
  ) {}

  /**
   * Answers once every row is read and recorded: 202, since the contacts list shows them as the
   * projection applies the recorded batches. Progress meanwhile: `GET .../imports`.
   */
  @Post()
  @HttpCode(202)
  @ReadsOwnBody()
  start(
    @Param('applicationId', new ZodValidationPipe(ApplicationId, 'applicationId'))
    applicationId: string,
    @Req() request: IncomingMessage,
    @Headers('content-type') contentType?: string,
    @Headers('x-correlation-id') correlationId?: string,
  ): Promise<ImportStatus> {
    if (!/^text\/csv\s*(;|$)/i.test(contentType ?? '')) {
      request.resume();
      throw new HttpException(
        {
          statusCode: 415,
          error: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'content-type: must be text/csv',
          field: 'content-type',
        },
        415,
      );
    }
    return this.imports.run(applicationId, request, correlationIdOf(correlationId));
  }

  @Get()
  async list(
    @Param('applicationId', new ZodValidationPipe(ApplicationId, 'applicationId'))
    applicationId: string,
  ): Promise<ImportList> {
    return { imports: await this.statuses.list(applicationId, 20) };
  }

  @Get(':importId')
  async get(
    @Param('applicationId', new ZodValidationPipe(ApplicationId, 'applicationId'))
    applicationId: string,
    @Param('importId', new ZodValidationPipe(ImportId, 'importId')) importId: string,
  ): Promise<ImportStatus> {
    const status = await this.statuses.get(applicationId, importId);
    if (!status) {
      throw new NotFoundException({
        statusCode: 404,
        error: 'IMPORT_NOT_FOUND',
        message: `no import ${importId}`,
      });
    }
    return status;
  }
}
