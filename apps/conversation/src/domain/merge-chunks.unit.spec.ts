import { chunkMessages } from './merge-chunks';
import type { Message } from './thread.events';

const aMessage = (i: number, text = 'hi'): Message => ({
  messageId: `m-${i}`,
  clientMessageId: `c-${i}`,
  author: { kind: 'agent', agentId: 'ann' },
  text,
  sentAt: '2026-11-23T10:00:00.000Z',
});

describe('merge chunks', () => {
  it('keeps order and splits at the message count', () => {
    const chunks = chunkMessages(
      Array.from({ length: 5 }, (_, i) => aMessage(i)),
      { maxMessages: 2, maxBytes: 1e9 },
    );
    expect(chunks.map((c) => c.map((m) => m.messageId))).toEqual([
      ['m-0', 'm-1'],
      ['m-2', 'm-3'],
      ['m-4'],
    ]);
  });

  it('splits at the byte budget, counting UTF-8 bytes, and never splits a message', () => {
    const chunks = chunkMessages(
      [aMessage(0, 'é'.repeat(300)), aMessage(1, 'a'), aMessage(2, 'é'.repeat(900))],
      {
        maxMessages: 100,
        maxBytes: 1_000,
      },
    );
    expect(chunks.map((c) => c.length)).toEqual([2, 1]);
  });

  it('gives no part for no messages', () => {
    expect(chunkMessages([])).toEqual([]);
  });
});
