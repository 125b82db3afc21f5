import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { INVALID_UTF8_TYPE } from './body-refusal';

/** The largest JSON body any service reads; a larger one is a 413 (S18). */
export const JSON_BODY_LIMIT_BYTES = 100 * 1024;

/**
 * Options of the JSON body parser of every service. Invalid UTF-8 is refused rather than decoded
 * with replacement characters, which would make different byte strings (two `user_id`s) equal.
 */
export function jsonBodyParserOptions() {
  return {
    limit: JSON_BODY_LIMIT_BYTES,
    verify(_req: IncomingMessage, _res: unknown, body: Buffer, encoding: string | null) {
      if (encoding?.toLowerCase() !== 'utf-8' && encoding?.toLowerCase() !== 'utf8') return;
      if (!isUtf8(body)) {
        throw Object.assign(new Error('body is not valid UTF-8'), {
          status: 400,
          type: INVALID_UTF8_TYPE,
        });
      }
    },
  };
}
