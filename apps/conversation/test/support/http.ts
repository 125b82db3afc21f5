/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the matchers */
import { randomBytes } from 'node:crypto';

export interface Answer {
  status: number;
  text: string;
  body: Record<string, any>;
}

/** A JSON client of one running service. */
export function httpClient(baseUrl: string) {
  async function call(method: string, path: string, body?: unknown): Promise<Answer> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, text, body: text ? (JSON.parse(text) as any) : {} };
  }
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown) => call('POST', path, body),
  };
}

/** Polls until `done` holds for what `read` returns; fails naming the last value. */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > deadline) {
      throw new Error(
        `still waiting after ${timeoutMs} ms; last: ${JSON.stringify(last).slice(0, 500)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

/** A client message id as a widget would make one. */
export const clientMessageId = () => `cm_${randomBytes(9).toString('base64url')}`;

/** An application id of this test run only, so shared topics never mix runs. */
export const testApplicationId = () =>
  `conv-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
