import type { DeliveryLatencyResult } from './delivery-latency.load';
import {
  deliveryComparisons,
  deliveryTargetMs,
  fanOutFigures,
  idleFigures,
  rssPerThousandKiB,
} from './gateway.figures';
import type { IdleSocketsResult } from './idle-sockets.load';

const idle: IdleSocketsResult = {
  opened: 10_000,
  failed: 0,
  held: 10_000,
  openSeconds: 4,
  before: { rssKiB: 100 * 1024, peakKiB: 110 * 1024 },
  holding: { rssKiB: 180 * 1024, peakKiB: 190 * 1024 },
};

const raw = {
  throughput: { name: 'raw', value: 1_000, unit: 'records/s' },
  p50: { name: 'raw p50', value: 3, unit: 'ms' },
  p99: { name: 'raw p99', value: 10, unit: 'ms' },
};

function delivery(latencies: number[], accepted = latencies.length): DeliveryLatencyResult {
  return {
    offered: 1_000,
    sent: accepted,
    accepted,
    failed: 0,
    delivered: latencies.length,
    latencies,
    acceptLatencies: latencies,
    sendingMs: 10_000,
  };
}

describe('gateway figures', () => {
  it('given raw p99 10 ms, then the target is 30 ms (2× plus 10 ms)', () => {
    expect(deliveryTargetMs(10)).toBe(30);
  });

  it('given 80 MiB more RSS over 10,000 held sockets, then 8,192 KiB per 1,000', () => {
    expect(rssPerThousandKiB(idle)).toBeCloseTo(8_192);
    expect(idleFigures('gateway', idle).rss.value).toBeCloseTo(180);
  });

  it('refuses a memory per socket when no socket was held', () => {
    expect(() => rssPerThousandKiB({ ...idle, held: 0 })).toThrow('no socket was held');
  });

  it('given 1..100 ms of 100 rounds, then fan-out p50 is 50 and p99 is 99', () => {
    const lastReceipt = Array.from({ length: 100 }, (_, i) => i + 1);
    const figures = fanOutFigures('gateway', { opened: 1_000, failed: 0, lastReceipt });
    expect([figures.p50.value, figures.p99.value]).toEqual([50, 99]);
  });

  it('given 1,000 accepted in 10 s with p99 40 ms over raw 10 ms, then 100/s and the target missed', () => {
    const latencies = Array.from({ length: 1_000 }, (_, i) => (i < 985 ? 5 : 40));
    const [rate, p50, p99] = deliveryComparisons(
      1_000,
      delivery(latencies),
      raw,
      'on another gateway process',
    );
    expect(rate!.product.value).toBe(100);
    expect(rate!.product.name).toContain('offered 1,000/s');
    expect(p50!.product.value).toBe(5);
    expect(p99!.product.value).toBe(40);
    expect(p99!.ratio).toBe(4);
    expect(p99!.product.name).toContain('30.0 ms: missed');
    expect(p99!.product.name).toContain('on another gateway process');
  });

  it('given messages accepted but none delivered, then it refuses to report a latency', () => {
    expect(() => deliveryComparisons(100, delivery([], 10), raw, 'on the same gateway')).toThrow(
      'no message',
    );
  });
});
