import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { ConcurrencyError } from '@threadline/eventing';
import { CsvHeaderError } from '../../application/import';
import { InvalidCursorError } from '../../application/ports/contacts-read-model.port';
import { ContactError } from '../../domain';

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/** Maps the contact service's refusals to 4xx with a stable code and the field concerned (S18). */
@Catch(ContactError, ConcurrencyError, CsvHeaderError, InvalidCursorError)
export class ContactErrorFilter implements ExceptionFilter {
  catch(
    error: ContactError | ConcurrencyError | CsvHeaderError | InvalidCursorError,
    host: ArgumentsHost,
  ): void {
    const response = host.switchToHttp().getResponse<JsonResponse>();
    if (error instanceof ConcurrencyError) {
      response.status(409).json({
        statusCode: 409,
        error: 'CONCURRENT_UPDATE',
        message: 'another change was made at the same time; try again',
      });
      return;
    }
    const [statusCode, code] =
      error instanceof ContactError
        ? [error.httpStatus, error.code]
        : error instanceof CsvHeaderError
          ? [400, 'CSV_HEADER_INVALID']
          : [400, 'CURSOR_INVALID'];
    response.status(statusCode).json({
      statusCode,
      error: code,
      message: error.field ? `${error.field}: ${error.message}` : error.message,
      ...(error.field && { field: error.field }),
    });
  }
}
