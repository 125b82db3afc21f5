import { type ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { bodyRefusalOf } from './body-refusal';
import { STORE_OUTAGE_RETRY_AFTER_SECONDS, storeOutageOf } from './store-outage';

interface JsonResponse {
  headersSent?: boolean;
  setHeader(name: string, value: string): void;
  status(code: number): { json(body: unknown): void };
}

/**
 * A global filter for a service without one of its own (S18): a body or request the HTTP layer
 * could not read is a 4xx naming the problem, instead of Nest's error log line with a stack and a
 * message that may quote the body; a store that cannot be reached is a 503 to retry, logged as one
 * warning. Everything else keeps Nest's own handling. Register it with
 * `{ provide: APP_FILTER, useClass: HttpErrorFilter }`; a service with its own catch-all filter
 * calls `bodyRefusalOf` there instead (Nest runs one filter per exception, never a chain).
 */
@Catch()
export class HttpErrorFilter extends BaseExceptionFilter {
  private readonly log = new Logger('HttpErrorFilter');

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') {
      super.catch(exception, host);
      return;
    }
    const response = host.switchToHttp().getResponse<JsonResponse>();
    const refusal = bodyRefusalOf(exception);
    if (refusal) {
      if (!response.headersSent) response.status(refusal.statusCode).json(refusal);
      return;
    }
    const outage = storeOutageOf(exception);
    if (outage) {
      this.log.warn(`store unavailable: ${(exception as Error).message}`);
      if (response.headersSent) return;
      response.setHeader('Retry-After', String(STORE_OUTAGE_RETRY_AFTER_SECONDS));
      response.status(outage.statusCode).json(outage);
      return;
    }
    super.catch(exception, host);
  }
}
