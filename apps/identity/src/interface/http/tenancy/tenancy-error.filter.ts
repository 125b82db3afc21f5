import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { ConcurrencyError } from '@threadline/eventing';
import { TenancyError } from '../../../domain/tenancy';

const statusByCode: Record<string, number> = {
  ORGANIZATION_ALREADY_REGISTERED: 409,
  ORGANIZATION_NOT_FOUND: 404,
  APPLICATION_ID_TAKEN: 409,
  APPLICATION_NOT_FOUND: 404,
  IDENTITY_KEY_REQUIRED: 400,
  IDENTITY_KEY_EXISTS: 409,
  IDENTITY_KEY_NOT_FOUND: 404,
  IDENTITY_KEY_ALREADY_RETIRED: 409,
  IDENTITY_KEY_WINDOW_INVALID: 400,
  LAST_IDENTITY_KEY: 409,
  AGENT_EMAIL_TAKEN: 409,
};

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/** Maps tenancy refusals to 4xx with their stable code and field; a lost race after retries is 409. */
@Catch(TenancyError, ConcurrencyError)
export class TenancyErrorFilter implements ExceptionFilter {
  catch(error: TenancyError | ConcurrencyError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<JsonResponse>();
    if (error instanceof ConcurrencyError) {
      response.status(409).json({
        statusCode: 409,
        error: 'CONCURRENT_UPDATE',
        message: 'another change was made at the same time; try again',
      });
      return;
    }
    const statusCode = statusByCode[error.code] ?? 400;
    response.status(statusCode).json({
      statusCode,
      error: error.code,
      message: error.field ? `${error.field}: ${error.message}` : error.message,
      ...(error.field ? { field: error.field } : {}),
    });
  }
}
