import { KeyedLanes } from './keyed-lanes';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

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
});
