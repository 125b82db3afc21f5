import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import { bodyRefusalOf } from '@threadline/service-kit';
import {
  UpstreamInvalidAnswer,
  UpstreamRefusal,
  UpstreamUnavailable,
} from '../../infrastructure/upstream/upstream.errors';

interface JsonResponse {
  headersSent: boolean;
  status(code: number): { json(body: unknown): void };
  setHeader(name: string, value: string): void;
}

const codes: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** body-parser's errors (http-errors): a status and a type such as `entity.too.large`. */
function isClientHttpError(
  error: unknown,
): error is { status: number; type?: string; message: string } {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 && error instanceof Error;
}

/**
 * Every error as `{ statusCode, error, message }`: upstream refusals keep their status and reason,
 * outages are 503 naming the service, anything unexpected is a logged 500 that says nothing more.
 */
@Catch()
export class GatewayExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Gateway');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const response = host.switchToHttp().getResponse<JsonResponse>();
    if (response.headersSent) return;
    const { status, body, retryAfter } = this.describe(error);
    if (retryAfter !== undefined) response.setHeader('Retry-After', retryAfter);
    response.status(status).json(body);
  }

  private describe(error: unknown): {
    status: number;
    body: Record<string, unknown>;
    retryAfter?: string;
  } {
    if (error instanceof UpstreamRefusal) {
      return { status: error.status, body: { ...error.body }, retryAfter: error.retryAfter };
    }
    if (error instanceof UpstreamUnavailable) {
      this.logger.warn({ upstream: error.upstream, detail: error.detail }, 'upstream unavailable');
      return {
        status: 503,
        body: {
          statusCode: 503,
          error: 'SERVICE_UNAVAILABLE',
          message: `the ${error.upstream} service is unavailable; try again shortly`,
        },
        retryAfter: '1',
      };
    }
    if (error instanceof UpstreamInvalidAnswer) {
      this.logger.error(
        { upstream: error.upstream, detail: error.detail },
        'upstream off contract',
      );
      return {
        status: 502,
        body: {
          statusCode: 502,
          error: 'BAD_GATEWAY',
          message: `the ${error.upstream} service gave an answer the gateway cannot use`,
        },
      };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const raw = error.getResponse();
      const given = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      // `/health` answers 503 with terminus's report naming what is down: kept as it is.
      if (status === 503 && given.status === 'error' && 'details' in given) {
        return { status, body: given };
      }
      const message = Array.isArray(given.message)
        ? given.message.join('; ')
        : typeof given.message === 'string'
          ? given.message
          : typeof raw === 'string'
            ? raw
            : error.message;
      const code =
        typeof given.error === 'string' && /^[A-Z_]+$/.test(given.error)
          ? given.error
          : (codes[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST'));
      if (status >= 500) this.logger.error({ err: error }, 'request failed');
      return {
        status,
        body: {
          ...given,
          statusCode: status,
          error: code,
          message: status >= 500 ? 'internal error' : message,
        },
      };
    }
    // What the body parser refused (too large, not UTF-8, bad encoding): its 4xx, in our words.
    const refusal = bodyRefusalOf(error);
    if (refusal) return { status: refusal.statusCode, body: { ...refusal } };
    if (isClientHttpError(error)) {
      const tooLarge = error.type === 'entity.too.large';
      return {
        status: error.status,
        body: {
          statusCode: error.status,
          error: tooLarge
            ? 'PAYLOAD_TOO_LARGE'
            : error.type === 'entity.parse.failed'
              ? 'MALFORMED_JSON'
              : (codes[error.status] ?? 'BAD_REQUEST'),
          message: tooLarge
            ? 'the body is larger than this route accepts'
            : error.type === 'entity.parse.failed'
              ? '(body): is not valid JSON'
              : error.message,
          field: '(body)',
        },
      };
    }
    this.logger.error({ err: error }, 'request failed');
    return {
      status: 500,
      body: { statusCode: 500, error: 'INTERNAL_ERROR', message: 'internal error' },
    };
  }
}
