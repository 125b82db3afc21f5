import { compare, percentile, type Comparison, type Figure } from '../measure';
import type { DeliveryLatencyResult } from './delivery-latency.load';
import type { FanOutResult } from './fan-out.load';
import type { IdleSocketsResult } from './idle-sockets.load';
import { mib } from './process-memory';

/** Issue 8: gateway delivery p99 at most twice raw produce→consume p99, plus 10 ms. */
export function deliveryTargetMs(rawP99Ms: number): number {
  return 2 * rawP99Ms + 10;
}

const count = (n: number) => n.toLocaleString('en-US');

/** What one more socket costs the server: the growth of its RSS over the held sockets, per 1,000. */
export function rssPerThousandKiB(result: IdleSocketsResult): number {
  if (result.held === 0) throw new Error('no socket was held: no memory per socket');
  return ((result.holding.rssKiB - result.before.rssKiB) / result.held) * 1000;
}

export interface IdleFigures {
  held: Figure;
  rss: Figure;
  perThousand: Figure;
}

export function idleFigures(label: string, result: IdleSocketsResult): IdleFigures {
  const of = `${count(result.held)} idle sockets held`;
  return {
    held: {
      name: `${label}: ${of} of ${count(result.opened + result.failed)}`,
      value: result.held,
      unit: 'sockets',
    },
    rss: {
      name: `${label}: RSS with ${of} (${mib(result.before.rssKiB).toFixed(0)} MiB before)`,
      value: mib(result.holding.rssKiB),
      unit: 'MiB',
    },
    perThousand: {
      name: `${label}: RSS per 1,000 idle sockets`,
      value: rssPerThousandKiB(result),
      unit: 'KiB',
    },
  };
}

export function fanOutFigures(label: string, result: FanOutResult): { p50: Figure; p99: Figure } {
  const name = `${label}: one message to ${count(result.opened)} sockets, send → last socket (${result.lastReceipt.length} rounds)`;
  return {
    p50: { name: `${name} p50`, value: percentile(result.lastReceipt, 50), unit: 'ms' },
    p99: { name: `${name} p99`, value: percentile(result.lastReceipt, 99), unit: 'ms' },
  };
}

export interface RawLatency {
  throughput: Figure;
  p50: Figure;
  p99: Figure;
}

/**
 * Accept → other device's socket beside raw produce→consume at the same offered rate. The
 * achieved rate is accepted messages over the time sending took: below the offered one when the
 * system could not keep up, and the latencies are those at the achieved rate.
 */
export function deliveryComparisons(
  rate: number,
  result: DeliveryLatencyResult,
  raw: RawLatency,
  /** Where the receiving device's socket is, e.g. "on the same gateway". */
  placement: string,
): Comparison[] {
  if (result.latencies.length === 0) throw new Error(`no message was delivered at ${rate}/s`);
  const achieved = result.accepted / (result.sendingMs / 1000);
  const lost = result.accepted - result.delivered;
  const target = deliveryTargetMs(raw.p99.value);
  const p99 = percentile(result.latencies, 99);
  const label = `gateway: widget message accept → other device's socket ${placement} (offered ${count(rate)}/s, achieved ${achieved.toFixed(0)}/s)`;
  return [
    compare(
      {
        name: `gateway: widget messages accepted, receiver ${placement} (offered ${count(rate)}/s; ${count(result.accepted)} accepted, ${count(result.failed)} refused, ${count(lost)} not delivered)`,
        value: achieved,
        unit: 'messages/s',
      },
      raw.throughput,
    ),
    compare({ name: `${label} p50`, value: percentile(result.latencies, 50), unit: 'ms' }, raw.p50),
    compare(
      {
        name: `${label} p99 (target ≤ 2× raw + 10 ms = ${target.toFixed(1)} ms: ${p99 <= target ? 'met' : 'missed'})`,
        value: p99,
        unit: 'ms',
      },
      raw.p99,
    ),
  ];
}
