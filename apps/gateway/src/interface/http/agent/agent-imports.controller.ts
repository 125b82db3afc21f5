import {
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  PayloadTooLargeException,
  Post,
  Req,
  UnsupportedMediaTypeException,
  UseGuards,
  UseFilters,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ImportStatus } from '@threadline/contracts';
import { z } from 'zod';
import { ZodValidationPipe } from '@threadline/service-kit';
import { GATEWAY_CONFIG } from '../../../infrastructure/config/gateway-config.token';
import type { GatewayConfig } from '../../../infrastructure/config/gateway.config';
import { ContactClient } from '../../../infrastructure/upstream/contact.client';
import { AgentSessionGuard } from '../auth/agent-session.guard';
import { schemaOf } from '../openapi/zod-openapi';
import { CorrelationId, type GatewayRequest } from '../request-context';
import { GatewayExceptionFilter } from '../gateway-exception.filter';
import { limitedStream, StreamTooLarge } from './csv-stream';

type StreamingRequest = GatewayRequest &
  AsyncIterable<Uint8Array> & {
    once(event: 'close', listener: () => void): void;
    complete: boolean;
  };

const ImportId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'must be an import id');

/** CSV imports (S10): the file streams through to the contact service, never held here. */
@ApiTags('agent')
@Controller('api/agent/applications/:app/imports')
@UseFilters(GatewayExceptionFilter)
@UseGuards(AgentSessionGuard)
@ApiBearerAuth()
export class AgentImportsController {
  constructor(
    private readonly contacts: ContactClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Imports contacts from a CSV with a header row (S10); poll the status' })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 202, schema: schemaOf(ImportStatus, 'output') })
  async start(
    @Param('app') app: string,
    @Req() request: StreamingRequest,
    @CorrelationId() correlationId: string,
  ): Promise<ImportStatus> {
    const contentType = String(request.headers['content-type'] ?? '');
    if (!/^text\/csv(\s*;.*)?$/i.test(contentType)) {
      throw new UnsupportedMediaTypeException({
        statusCode: 415,
        error: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'content-type: must be text/csv',
        field: 'content-type',
      });
    }
    const limit = this.config.GATEWAY_IMPORT_LIMIT_BYTES;
    const tooLarge = () =>
      new PayloadTooLargeException({
        statusCode: 413,
        error: 'PAYLOAD_TOO_LARGE',
        message: `(body): the CSV is larger than ${limit} bytes`,
        field: '(body)',
      });
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) throw tooLarge();

    const abort = new AbortController();
    request.once('close', () => {
      if (!request.complete) abort.abort(new Error('the client went away'));
    });
    const body = limitedStream(request, limit);
    let exceeded = false;
    const counted = (async function* () {
      try {
        yield* body;
      } catch (error) {
        if (error instanceof StreamTooLarge) exceeded = true;
        throw error;
      }
    })();
    try {
      return await this.contacts.startImport(
        app,
        counted,
        contentType,
        correlationId,
        abort.signal,
      );
    } catch (error) {
      if (exceeded) throw tooLarge();
      throw error;
    }
  }

  @Get(':importId')
  @ApiOperation({
    summary: 'Progress of an import: rows read, imported, unchanged, errors by line',
  })
  @ApiResponse({ status: 200, schema: schemaOf(ImportStatus, 'output') })
  status(
    @Param('app') app: string,
    @Param('importId', new ZodValidationPipe(ImportId, 'importId')) importId: string,
  ): Promise<ImportStatus> {
    return this.contacts.getImport(app, importId);
  }
}
