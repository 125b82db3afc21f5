import type { ThreadMessage } from '@threadline/contracts';
import { RecentMessages } from './recent-messages';

const m = (n: number): ThreadMessage => ({
  messageId: `m${n}`,
  clientMessageId: `client-m${n}`,
  author: { kind: 'agent', agentId: 'a' },
  text: String(n),
  sentAt: new Date(1_000 + n).toISOString(),
  cursor: `${String(1_000 + n).padStart(16, '0')}_m${n}`,
});

describe('recent live messages', () => {
  it('answers the messages after a cursor, in order, per thread, at most the last few', () => {
    const recent = new RecentMessages(3, 10, 60_000, () => 0);
    recent.add('app', 'c1', [m(1), m(2)]);
    recent.add('app', 'c1', [m(4), m(3)]);
    recent.add('app', 'c2', [m(9)]);
    expect(recent.after('app', 'c1', undefined).map((x) => x.messageId)).toEqual([
      'm2',
      'm3',
      'm4',
    ]);
    expect(recent.after('app', 'c1', m(2).cursor).map((x) => x.messageId)).toEqual(['m3', 'm4']);
    expect(recent.after('app', 'c3', undefined)).toEqual([]);
  });

  it('keeps a message that comes twice (on accept, then from Kafka) once', () => {
    const recent = new RecentMessages(3, 10, 60_000, () => 0);
    recent.add('app', 'c1', [m(1)]);
    recent.add('app', 'c1', [m(1), m(2)]);
    expect(recent.after('app', 'c1', undefined).map((x) => x.messageId)).toEqual(['m1', 'm2']);
  });

  it('forgets threads past their time, and the least recent thread past the bound', () => {
    let now = 0;
    const recent = new RecentMessages(5, 2, 1_000, () => now);
    recent.add('app', 'c1', [m(1)]);
    recent.add('app', 'c2', [m(2)]);
    recent.add('app', 'c3', [m(3)]);
    expect(recent.after('app', 'c1', undefined)).toEqual([]);
    expect(recent.after('app', 'c3', undefined)).toHaveLength(1);
    now = 1_001;
    expect(recent.after('app', 'c3', undefined)).toEqual([]);
  });
});
