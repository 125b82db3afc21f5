import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { ConcurrencyError } from '@threadline/eventing';
import { AuthenticationRejectedError, IdentityError } from '../../../domain';
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
  setHeader(name: string, value: string): void;
}

/**
 * Maps tenancy and identity refusals to 4xx with their stable code and field; a lost race after
 * retries is 409. A rejected authentication says only why (S6): nothing of the user.
 */
@Catch(TenancyError, IdentityError, ConcurrencyError)
export class TenancyErrorFilter implements ExceptionFilter {
  catch(error: TenancyError | IdentityError | ConcurrencyError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<JsonResponse>();
    if (error instanceof IdentityError) {
      identityRefusal(error, response);
      return;
    }
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

function identityRefusal(error: IdentityError, response: JsonResponse): void {
  if (error instanceof AuthenticationRejectedError) {
    // S6/S7: every refused init is a 403 and a clean chat; a brute-force lockout says when to retry.
    const statusCode = 403;
    if (error.retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
    }
    response.status(statusCode).json({
      statusCode,
      error: error.code,
      message: error.message,
      reason: error.reason,
    });
    return;
  }
  const statusCode = error.httpStatus;
  response.status(statusCode).json({
    statusCode,
    error: error.code,
    // A broken stream is our fault; its detail stays in the logs.
    message: statusCode >= 500 ? 'internal error' : error.message,
    ...('field' in error && typeof error.field === 'string' && { field: error.field }),
  });
}
