import { retryingRetriable } from './retriable';

const failing = (errors: unknown[], value = 'ok') => {
  let calls = 0;
  const work = async () => {
    const error = errors[calls++];
    if (error !== undefined) throw error;
    return value;
  };
  return { work, calls: () => calls };
};
const retriable = Object.assign(new Error('This is not the correct coordinator for this group'), {
  retriable: true,
});

describe('retrying retriable Kafka errors', () => {
  it('given a coordinator that moves twice, when fetched, then the third try answers', async () => {
    const call = failing([retriable, retriable]);
    await expect(retryingRetriable(call.work, 6, 1)).resolves.toBe('ok');
    expect(call.calls()).toBe(3);
  });

  it('given an error that is not retriable, then it is thrown at once', async () => {
    const fatal = Object.assign(new Error('group authorization failed'), { retriable: false });
    const call = failing([fatal]);
    await expect(retryingRetriable(call.work, 6, 1)).rejects.toBe(fatal);
    expect(call.calls()).toBe(1);
  });

  it('given a retriable error every time, then it gives up after its attempts', async () => {
    const call = failing(Array.from({ length: 10 }, () => retriable));
    await expect(retryingRetriable(call.work, 3, 1)).rejects.toBe(retriable);
    expect(call.calls()).toBe(3);
  });
});
