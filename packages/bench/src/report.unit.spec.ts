import { compare } from './measure';
import { formatFigure, formatRatio } from './report';

describe('report formatting', () => {
  it('keeps a decimal on small latencies and none on rates', () => {
    expect(formatFigure({ name: 'p99', value: 8.04, unit: 'ms' })).toBe('8.0 ms');
    expect(formatFigure({ name: 'rate', value: 6479.4, unit: 'req/s' })).toBe('6,479 req/s');
  });

  it('shows throughput as a share of its baseline, small shares with two digits, latency as a multiple', () => {
    const rate = (value: number) => ({ name: 'r', value, unit: 'req/s' });
    expect(formatRatio(compare(rate(28), rate(6479)))).toBe('0.43%');
    expect(formatRatio(compare(rate(50), rate(100)))).toBe('50%');
    const p99 = (value: number) => ({ name: 'p', value, unit: 'ms' });
    expect(formatRatio(compare(p99(1147), p99(8)))).toBe('143.4×');
  });
});
