import { isTransientStoreError } from '@threadline/eventing';

/** The 503 answer to a request the service's store could not serve. */
export interface StoreOutage {
  statusCode: 503;
  error: 'STORE_UNAVAILABLE';
  message: string;
}

/** Seconds a client should wait before sending the request again. */
export const STORE_OUTAGE_RETRY_AFTER_SECONDS = 1;

/**
 * Maps a store that is unreachable, restarting or lost its connection mid-command to a 503 the
 * client may retry; undefined for anything else. A write's outcome is then unknown, and only a
 * retry with the same id (a message's `clientMessageId`) settles it, so the answer says so instead
 * of a 500 that reads as a bug.
 */
export function storeOutageOf(exception: unknown): StoreOutage | undefined {
  if (!isTransientStoreError(exception)) return undefined;
  return {
    statusCode: 503,
    error: 'STORE_UNAVAILABLE',
    message:
      'the service could not reach its store; whether a write took effect is unknown, so send the same request again',
  };
}
