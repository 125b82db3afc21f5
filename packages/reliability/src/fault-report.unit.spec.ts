import { auditDelivery } from './delivery-audit';
import { formatFaultReport } from './fault-report';
import { reconnectDelay } from './reconnect-delay';

describe('formatFaultReport', () => {
  it('starts with the one line CI greps for, then a line per fault', () => {
    const audit = auditDelivery(
      [{ clientMessageId: 'a-1', contactId: 'c1', sender: 'a', seq: 1, acknowledged: true }],
      new Map([['c1', [{ messageId: 'm1', clientMessageId: 'a-1', cursor: '1' }]]]),
      [{ device: 'd1', contactId: 'c1', messageIds: ['m1'] }],
    );
    const report = formatFaultReport(
      audit,
      [
        {
          target: 'kafka',
          downMs: 17_250,
          recoveryMs: 14_000,
          failedAttempts: 3,
          slowestAckMs: 900,
        },
      ],
      { checked: 9, matched: 9 },
    ).split('\n');
    expect(report[0]).toBe(
      'faults: sent 1, acknowledged 1, faults injected 1, lost 0, duplicated 0, out of order 0, ' +
        'unacknowledged but applied once 0, device frames 1 (missing 0, duplicated 0, out of order 0), ' +
        'replays matching 9/9',
    );
    expect(report[1]).toBe(
      '  kafka        down 17.3 s, healthy 14.0 s after restart, 3 failed send attempts, slowest ack 0.9 s',
    );
  });
});

describe('reconnectDelay', () => {
  it('doubles from a quarter second with full jitter and stops at 4 s', () => {
    expect(reconnectDelay(0, () => 0)).toBe(125);
    expect(reconnectDelay(0, () => 1)).toBe(250);
    expect(reconnectDelay(2, () => 1)).toBe(1_000);
    expect(reconnectDelay(10, () => 1)).toBe(4_000);
    expect(reconnectDelay(10, () => 0)).toBe(2_000);
  });
});
