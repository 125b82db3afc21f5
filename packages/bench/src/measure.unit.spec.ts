import { compare, percentile, throughput } from './measure';

describe('benchmark arithmetic', () => {
  it('given 5,000 items in 2.5 s, then throughput is 2,000 per second', () => {
    expect(throughput('x', 5_000, 2_500, 'items/s').value).toBe(2_000);
  });

  it('given a product at 700 and a baseline at 1,000, then the ratio is 0.7', () => {
    const ratio = compare(
      throughput('p', 700, 1_000, '/s'),
      throughput('b', 1_000, 1_000, '/s'),
    ).ratio;
    expect(ratio).toBeCloseTo(0.7);
  });

  it('given 1..100, then p50 is 50 and p99 is 99 (nearest rank)', () => {
    const sample = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(sample, 50)).toBe(50);
    expect(percentile(sample, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
  });

  it('refuses a percentile of nothing', () => {
    expect(() => percentile([], 50)).toThrow('empty sample');
  });
});
