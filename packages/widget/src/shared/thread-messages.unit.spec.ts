import type { ThreadMessage } from './gateway-types';
import { compareCursors, lastCursor, mergeMessages, type ChatMessage } from './thread-messages';

function aMessage(n: number, overrides: Partial<ThreadMessage> = {}): ThreadMessage {
  return {
    messageId: `m${n}`,
    clientMessageId: `client-${n}`,
    author: { kind: 'agent', agentId: 'a1' },
    text: `message ${n}`,
    sentAt: new Date(1_700_000_000_000 + n * 1000).toISOString(),
    cursor: `${String(1_700_000_000_000 + n).padStart(16, '0')}_m${n}`,
    ...overrides,
  };
}

function pending(clientMessageId: string, text: string): ChatMessage {
  return { clientMessageId, text, author: { kind: 'self' }, state: 'sending' };
}

describe('mergeMessages', () => {
  it('keeps each message once whichever way it arrived', () => {
    const view = mergeMessages([], [aMessage(1), aMessage(2)]);
    const again = mergeMessages(view, [aMessage(2), aMessage(3), aMessage(1)]);
    expect(again.map((m) => m.messageId)).toEqual(['m1', 'm2', 'm3']);
  });

  it('puts an older page before what the view holds', () => {
    const view = mergeMessages([], [aMessage(5), aMessage(6)]);
    expect(mergeMessages(view, [aMessage(3), aMessage(4)]).map((m) => m.messageId)).toEqual([
      'm3',
      'm4',
      'm5',
      'm6',
    ]);
  });

  it('replaces a pending message with the sent one of the same client id, in thread order', () => {
    const view = [...mergeMessages([], [aMessage(1)]), pending('client-9', 'hi')];
    const merged = mergeMessages(view, [
      aMessage(9, { author: { kind: 'user', contactId: 'c', deviceId: 'd' } }),
    ]);
    expect(merged.map((m) => [m.messageId, m.state])).toEqual([
      ['m1', 'sent'],
      ['m9', 'sent'],
    ]);
  });

  it('keeps unsent messages after the sent ones', () => {
    const view = [pending('client-x', 'still going')];
    const merged = mergeMessages(view, [aMessage(4)]);
    expect(merged.map((m) => m.clientMessageId)).toEqual(['client-4', 'client-x']);
  });

  it('finds the newest cursor, skipping unsent messages', () => {
    const view = [...mergeMessages([], [aMessage(1), aMessage(2)]), pending('p', 'x')];
    expect(lastCursor(view)).toBe('0001700000000002_m2');
    expect(lastCursor([])).toBeUndefined();
  });
});

describe('compareCursors', () => {
  it('orders by time, then by message id, as plain strings', () => {
    expect(compareCursors('1700000000000009_b', '1700000000000010_a')).toBeLessThan(0);
    expect(compareCursors('1700000000000010_0190-a', '1700000000000010_0190-9')).toBeGreaterThan(0);
    expect(compareCursors('1700000000000010_A', '1700000000000010_a')).toBeLessThan(0);
    expect(compareCursors('1700000000000010_a', '1700000000000010_a')).toBe(0);
  });
});
