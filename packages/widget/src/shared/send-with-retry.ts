import { isTransient } from './api-error';

/**
 * Sends, and on a transient failure sends the very same request again (the client message id
 * makes a repeat a no-op on the gateway), backing off between attempts.
 */
export async function sendWithRetry<T>(
  send: () => Promise<T>,
  attempts = 4,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!isTransient(error) || attempt >= attempts) throw error;
      await sleep(500 * 2 ** (attempt - 1));
    }
  }
}
