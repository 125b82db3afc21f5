import { BadRequestException, HttpException } from '@nestjs/common';

/** The 4xx answer to a body or request the HTTP layer could not read: what was wrong, never the input. */
export interface BodyRefusal {
  statusCode: number;
  error: string;
  message: string;
  field: string;
}

/** Thrown by the JSON body parser's `verify` hook (see `jsonBodyParserOptions`). */
export const INVALID_UTF8_TYPE = 'entity.encoding.invalid';

interface HttpLayerError {
  type?: unknown;
  code?: unknown;
  status?: unknown;
  limit?: unknown;
  charset?: unknown;
  encoding?: unknown;
  expose?: unknown;
}

const refusal = (statusCode: number, error: string, field: string, problem: string) => ({
  statusCode,
  error,
  message: `${field}: ${problem}`,
  field,
});

/**
 * Maps what the body parser (body-parser, raw-body, zlib) and Express throw before a route runs
 * to a clear 4xx; undefined for anything else. Their own messages are not reused: some quote the
 * body, and a body may hold a secret.
 */
export function bodyRefusalOf(exception: unknown): BodyRefusal | undefined {
  if (exception instanceof BadRequestException) return parseFailureOf(exception);
  if (exception instanceof HttpException) return undefined;
  if (typeof exception !== 'object' || exception === null) return undefined;
  const error = exception as HttpLayerError;
  if (typeof error.status !== 'number' || error.status < 400 || error.status >= 500) {
    return undefined;
  }
  switch (error.type) {
    case 'entity.too.large':
      return refusal(
        413,
        'PAYLOAD_TOO_LARGE',
        '(body)',
        `is larger than the limit of ${Number(error.limit) || 'the'} bytes`,
      );
    case INVALID_UTF8_TYPE:
      return refusal(400, 'INVALID_BODY', '(body)', 'is not valid UTF-8');
    case 'charset.unsupported':
      return refusal(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'content-type',
        `charset ${JSON.stringify(String(error.charset).slice(0, 40))} is not supported; send UTF-8`,
      );
    case 'encoding.unsupported':
      return refusal(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'content-encoding',
        `${JSON.stringify(String(error.encoding).slice(0, 40))} is not supported (identity, gzip, deflate, br)`,
      );
    case 'request.size.invalid':
      return refusal(400, 'INVALID_BODY', 'content-length', 'does not match the body received');
    case 'request.aborted':
      return refusal(400, 'INVALID_BODY', '(body)', 'the request was aborted before its end');
    case 'parameters.too.many':
      return refusal(413, 'PAYLOAD_TOO_LARGE', '(body)', 'has too many parameters');
  }
  // zlib (`Z_…`) and brotli (`ERR__…`) failures carry no type of their own.
  if (typeof error.code === 'string' && /^(Z_|ERR__)/.test(error.code)) {
    return refusal(
      400,
      'INVALID_BODY',
      'content-encoding',
      'the body could not be decompressed with the encoding it names',
    );
  }
  // Any other client error of the HTTP layer (an `http-errors` object): its status, our words.
  return error.expose === true
    ? refusal(error.status, 'INVALID_REQUEST', '(body)', 'could not be read')
    : undefined;
}

/**
 * Nest turns body-parser's `SyntaxError` (and Express's `URIError` for a path like `/%ff`) into a
 * plain `BadRequestException(error.message)`: its response is `{ message, error: 'Bad Request' }`
 * with no code of ours, and V8's message may quote the body.
 */
function parseFailureOf(exception: BadRequestException): BodyRefusal | undefined {
  const response = exception.getResponse();
  if (typeof response !== 'object' || response === null) return undefined;
  const { message, error } = response as { message?: unknown; error?: unknown };
  if (error !== 'Bad Request' || typeof message !== 'string') return undefined;
  if (/^Failed to decode param /.test(message)) {
    return refusal(400, 'INVALID_PATH', '(path)', 'a path segment is not valid percent-encoding');
  }
  if (!/JSON/.test(message)) return undefined;
  // "Unexpected token 'x', "…body…" is not valid JSON": keep the reason, drop the quoted body.
  const reason = message.replace(/,\s*(?:\.\.\.)?".*$/s, '').slice(0, 200);
  return refusal(400, 'INVALID_JSON', '(body)', `is not a valid JSON object or array (${reason})`);
}
