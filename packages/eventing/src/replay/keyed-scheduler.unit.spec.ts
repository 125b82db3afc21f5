import { createKeyedScheduler } from './keyed-scheduler';

const tick = () => new Promise((resolve) => setImmediate(resolve));

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('keyed scheduler', () => {
  it('given tasks of one key, when scheduled, then they run one after another in order', async () => {
    const scheduler = createKeyedScheduler(4);
    const order: string[] = [];
    const first = deferred();
    await scheduler.schedule('a', async () => {
      order.push('a1 start');
      await first.promise;
      order.push('a1 end');
    });
    await scheduler.schedule('a', async () => {
      order.push('a2');
    });
    await tick();
    expect(order).toEqual(['a1 start']);

    first.resolve();
    await scheduler.drain();
    expect(order).toEqual(['a1 start', 'a1 end', 'a2']);
  });

  it('given tasks of different keys, when scheduled, then they run at the same time', async () => {
    const scheduler = createKeyedScheduler(4);
    const gate = deferred();
    const started: string[] = [];
    for (const key of ['a', 'b', 'c']) {
      await scheduler.schedule(key, async () => {
        started.push(key);
        await gate.promise;
      });
    }
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    gate.resolve();
    await scheduler.drain();
  });

  it('given the limit is reached, when another task is scheduled, then scheduling waits for a free slot', async () => {
    const scheduler = createKeyedScheduler(2);
    const gate = deferred();
    await scheduler.schedule('a', () => gate.promise);
    await scheduler.schedule('b', () => gate.promise);
    let queued = false;
    const third = scheduler
      .schedule('c', async () => undefined)
      .then(() => {
        queued = true;
      });
    await tick();
    expect(queued).toBe(false);

    gate.resolve();
    await third;
    expect(queued).toBe(true);
    await scheduler.drain();
  });

  it('given a task fails, when draining or scheduling more, then the first failure is raised and later tasks of the key do not run', async () => {
    const scheduler = createKeyedScheduler(4);
    let ranAfter = false;
    await scheduler.schedule('a', async () => {
      throw new Error('store down');
    });
    await scheduler.schedule('a', async () => {
      ranAfter = true;
    });

    await expect(scheduler.drain()).rejects.toThrow('store down');
    await expect(scheduler.schedule('b', async () => undefined)).rejects.toThrow('store down');
    expect(ranAfter).toBe(false);
  });
});
