import { KeyedLanes } from './keyed-lanes';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('keyed lanes', () => {
  it('runs work of one key one at a time, in order, and of other keys side by side', async () => {
    const lanes = new KeyedLanes();
    const log: string[] = [];
    const work = (key: string, i: number) =>
      lanes.run(key, async () => {
        log.push(`start ${key}${i}`);
        await tick();
        log.push(`end ${key}${i}`);
        return i;
      });
    const results = await Promise.all([work('a', 1), work('a', 2), work('b', 1)]);
    expect(results).toEqual([1, 2, 1]);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
  });

  it('goes on after a failure, which reaches only its caller', async () => {
    const lanes = new KeyedLanes();
    const failed = lanes.run('a', async () => {
      throw new Error('boom');
    });
    const next = lanes.run('a', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });

  it('given two pieces of work on one key, when both run, then the second starts after the first ends', async () => {
    const lanes = new KeyedLanes();
    const order: string[] = [];
    const first = gate();
    const a = lanes.run(['c-1'], async () => {
      order.push('a start');
      await first.opened;
      order.push('a end');
    });
    const b = lanes.run(['c-1'], async () => {
      order.push('b');
    });
    await tick();
    expect(order).toEqual(['a start']);
    first.open();
    await Promise.all([a, b]);
    expect(order).toEqual(['a start', 'a end', 'b']);
  });

  it('given work on different keys, when they run, then they run at the same time', async () => {
    const lanes = new KeyedLanes();
    const held = gate();
    const started: string[] = [];
    const runs = ['c-1', 'c-2'].map((id) =>
      lanes.run([id], async () => {
        started.push(id);
        await held.opened;
      }),
    );
    await tick();
    expect(started).toEqual(['c-1', 'c-2']);
    held.open();
    await Promise.all(runs);
  });

  it('given work naming several keys, when it runs, then it waits for each and later work on them waits for it', async () => {
    const lanes = new KeyedLanes();
    const order: string[] = [];
    const one = gate();
    const two = gate();
    const batch = gate();
    const w1 = lanes.run(['c-1'], async () => {
      await one.opened;
      order.push('c-1');
    });
    const w2 = lanes.run(['c-2'], async () => {
      await two.opened;
      order.push('c-2');
    });
    const imported = lanes.run(['c-1', 'c-2', 'c-3'], async () => {
      order.push('batch start');
      await batch.opened;
      order.push('batch end');
    });
    const after = lanes.run(['c-2'], async () => {
      order.push('c-2 again');
    });
    const other = lanes.run(['c-4'], async () => {
      order.push('c-4');
    });
    await other;
    one.open();
    await w1;
    await tick();
    expect(order).toEqual(['c-4', 'c-1']);
    two.open();
    await w2;
    await tick();
    expect(order).toEqual(['c-4', 'c-1', 'c-2', 'batch start']);
    batch.open();
    await Promise.all([imported, after]);
    expect(order).toEqual(['c-4', 'c-1', 'c-2', 'batch start', 'batch end', 'c-2 again']);
    expect(lanes.size).toBe(0);
  });

  it('given work that fails, when it ends, then its error reaches the caller and the next work runs', async () => {
    const lanes = new KeyedLanes();
    const failing = lanes.run(['c-1'], async () => {
      throw new Error('store down');
    });
    const next = lanes.run(['c-1'], async () => 'ran');
    await expect(failing).rejects.toThrow('store down');
    await expect(next).resolves.toBe('ran');
    expect(lanes.size).toBe(0);
  });

  it('given a key named twice in one work, when it runs, then it does not wait for itself', async () => {
    const lanes = new KeyedLanes();
    await expect(lanes.run(['c-1', 'c-1'], async () => 'ran')).resolves.toBe('ran');
  });
});
