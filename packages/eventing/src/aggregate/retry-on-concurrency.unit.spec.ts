import { ConcurrencyError } from '../store/concurrency.error';
import { retryOnConcurrency } from './retry-on-concurrency';

describe('retryOnConcurrency', () => {
  it('given a first attempt that wins, then it runs once', async () => {
    const fn = jest.fn(async () => 'saved');

    await expect(retryOnConcurrency(fn, { attempts: 3 })).resolves.toBe('saved');
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('given two lost races, when three attempts are allowed, then the third attempt wins', async () => {
    const onRetry = jest.fn();
    const fn = jest.fn(async (attempt: number) => {
      if (attempt < 3) throw new ConcurrencyError('s', attempt);
      return attempt;
    });

    await expect(retryOnConcurrency(fn, { attempts: 3, onRetry })).resolves.toBe(3);
    expect(onRetry.mock.calls.map(([, attempt]) => attempt)).toEqual([1, 2]);
  });

  it('given only lost races, then it refuses with the last ConcurrencyError after N attempts', async () => {
    const fn = jest.fn(async (attempt: number) => {
      throw new ConcurrencyError('s', attempt);
    });

    await expect(retryOnConcurrency(fn, { attempts: 4 })).rejects.toMatchObject({
      code: 'EVENT_STORE_CONCURRENCY',
      expectedVersion: 4,
    });
    expect(fn).toHaveBeenCalledTimes(4);
  });

  it('given a domain error, then it is thrown at once without retrying', async () => {
    const refusal = new Error('thread is closed');
    const fn = jest.fn(async () => {
      throw refusal;
    });

    await expect(retryOnConcurrency(fn, { attempts: 5 })).rejects.toBe(refusal);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it.each([0, -1, 1.5])('refuses %p attempts', async (attempts) => {
    const fn = jest.fn(async () => 1);

    await expect(retryOnConcurrency(fn, { attempts })).rejects.toThrow(RangeError);
    expect(fn).not.toHaveBeenCalled();
  });
});
