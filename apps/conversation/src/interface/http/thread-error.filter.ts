import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { ConcurrencyError } from '@threadline/eventing';
import { ThreadError, ThreadMergedError } from '../../domain';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/** Maps thread refusals to 4xx with their stable code and field; a race lost after retries is 409. */
@Catch(ThreadError, ConcurrencyError)
export class ThreadErrorFilter implements ExceptionFilter {
  catch(error: ThreadError | ConcurrencyError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<JsonResponse>();
    if (error instanceof ConcurrencyError) {
      response.status(409).json({
        statusCode: 409,
        error: 'CONCURRENT_UPDATE',
        message: 'the thread was changed at the same time too often; try again',
      });
      return;
    }
    response.status(error.httpStatus).json({
      statusCode: error.httpStatus,
      error: error.code,
      message: error.field ? `${error.field}: ${error.message}` : error.message,
      ...(error.field ? { field: error.field } : {}),
      ...(error instanceof ThreadMergedError ? { mergedInto: error.mergedInto } : {}),
    });
  }
}
