import type { ThreadMessage } from '@threadline/contracts';

/** The business site the test's application allows. */
export const SITE_ORIGIN = 'https://shop.faults.example';

export interface Answer {
  status: number;
  body: unknown;
}

/** One HTTP call; a refused connection or a timeout is status 0, as a browser would see it fail. */
export async function call(
  url: string,
  options: { method?: string; body?: unknown; token?: string; origin?: string; timeoutMs?: number },
): Promise<Answer> {
  try {
    const response = await fetch(url, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(options.body !== undefined && { 'content-type': 'application/json' }),
        ...(options.token && { authorization: `Bearer ${options.token}` }),
        ...(options.origin && { origin: options.origin }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: kept as text for the failure message
    }
    return { status: response.status, body };
  } catch {
    return { status: 0, body: undefined };
  }
}

/** What the widget retries with the same request (its `isTransient`): the network, 5xx, 408, 429. */
export function isTransient(status: number): boolean {
  return status === 0 || status >= 500 || status === 408 || status === 429;
}

/** Retries a transient failure every half second until the deadline; returns the last answer. */
export async function callUntilAnswered(
  attempt: () => Promise<Answer>,
  timeoutMs: number,
): Promise<Answer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await attempt();
    if (!isTransient(answer.status) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const firstCursor = '0000000000000000_0';

/** The whole thread, oldest first, paged forwards through the widget API (200 a page). */
export async function readThread(
  gatewayUrl: string,
  sessionToken: string,
): Promise<ThreadMessage[]> {
  const messages: ThreadMessage[] = [];
  let after = firstCursor;
  for (;;) {
    const answer = await callUntilAnswered(
      () =>
        call(`${gatewayUrl}/api/widget/messages?after=${after}&limit=200`, {
          token: sessionToken,
          origin: SITE_ORIGIN,
        }),
      30_000,
    );
    if (answer.status !== 200)
      throw new Error(`thread page: ${answer.status} ${JSON.stringify(answer.body)}`);
    const page = answer.body as { messages: ThreadMessage[] };
    messages.push(...page.messages);
    const last = page.messages.at(-1);
    if (!last) return messages;
    after = last.cursor;
  }
}
