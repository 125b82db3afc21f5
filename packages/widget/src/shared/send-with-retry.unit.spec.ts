import { ApiError } from './api-error';
import { sendWithRetry } from './send-with-retry';

describe('sendWithRetry', () => {
  const noWait = async () => undefined;

  it('repeats the same send after transient failures', async () => {
    const outcomes: (Error | string)[] = [
      new TypeError('offline'),
      new ApiError(503, 'busy'),
      'sent',
    ];
    let calls = 0;
    const result = await sendWithRetry(
      async () => {
        const outcome = outcomes[calls++]!;
        if (outcome instanceof Error) throw outcome;
        return outcome;
      },
      4,
      noWait,
    );
    expect(result).toBe('sent');
    expect(calls).toBe(3);
  });

  it('gives up at once on a refusal and after the last attempt otherwise', async () => {
    let refused = 0;
    await expect(
      sendWithRetry(
        async () => {
          refused++;
          throw new ApiError(400, 'text: must not be empty');
        },
        4,
        noWait,
      ),
    ).rejects.toThrow('text: must not be empty');
    expect(refused).toBe(1);
    let busy = 0;
    await expect(
      sendWithRetry(
        async () => {
          busy++;
          throw new ApiError(502, 'bad gateway');
        },
        3,
        noWait,
      ),
    ).rejects.toThrow('bad gateway');
    expect(busy).toBe(3);
  });
});
