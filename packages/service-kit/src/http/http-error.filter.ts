import { type ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { bodyRefusalOf } from './body-refusal';

interface JsonResponse {
  headersSent?: boolean;
  status(code: number): { json(body: unknown): void };
}

/**
 * A global filter for a service without one of its own (S18): a body or request the HTTP layer
 * could not read is a 4xx naming the problem, instead of Nest's error log line with a stack and a
 * message that may quote the body. Everything else keeps Nest's own handling. Register it with
 * `{ provide: APP_FILTER, useClass: HttpErrorFilter }`; a service with its own catch-all filter
 * calls `bodyRefusalOf` there instead (Nest runs one filter per exception, never a chain).
 */
@Catch()
export class HttpErrorFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const refusal = host.getType() === 'http' ? bodyRefusalOf(exception) : undefined;
    if (!refusal) {
      super.catch(exception, host);
      return;
    }
    const response = host.switchToHttp().getResponse<JsonResponse>();
    if (!response.headersSent) response.status(refusal.statusCode).json(refusal);
  }
}
