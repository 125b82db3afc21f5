import { auditDelivery, type SentMessage, type ThreadEntry } from './delivery-audit';

const sent = (sender: string, seq: number, contactId = 'c1', acknowledged = true): SentMessage => ({
  clientMessageId: `${sender}-${seq}`,
  contactId,
  sender,
  seq,
  acknowledged,
});
const entry = (clientMessageId: string, at: number): ThreadEntry => ({
  messageId: `m-${clientMessageId}`,
  clientMessageId,
  cursor: `${String(at).padStart(16, '0')}_m-${clientMessageId}`,
});
const threadOf = (...entries: ThreadEntry[]) => new Map([['c1', entries]]);

describe('auditDelivery', () => {
  it('finds nothing wrong when every acknowledged message is in its thread once, in order, and every device got each once', () => {
    const messages = [sent('a', 1), sent('b', 1), sent('a', 2)];
    const thread = [entry('a-1', 1), entry('b-1', 2), entry('a-2', 3)];
    const audit = auditDelivery(messages, threadOf(...thread), [
      { device: 'd1', contactId: 'c1', messageIds: thread.map((e) => e.messageId) },
    ]);
    expect(audit).toMatchObject({
      sent: 3,
      acknowledged: 3,
      lost: 0,
      duplicated: 0,
      outOfOrder: 0,
      unknown: 0,
      deviceFrames: 3,
      deviceMissing: 0,
      deviceDuplicated: 0,
      deviceOutOfOrder: 0,
    });
    expect(audit.problems).toEqual([]);
  });

  it('counts an acknowledged message missing from its thread as lost, and an unacknowledged one as allowed', () => {
    const audit = auditDelivery(
      [sent('a', 1), sent('a', 2), sent('a', 3, 'c1', false), sent('a', 4, 'c1', false)],
      threadOf(entry('a-1', 1), entry('a-3', 2)),
      [],
    );
    expect(audit).toMatchObject({ acknowledged: 2, lost: 1, unacknowledgedApplied: 1 });
    expect(audit.problems).toEqual(['lost: a #2 a-2']);
  });

  it('counts a client message id applied twice as duplicated, acknowledged or not', () => {
    const audit = auditDelivery(
      [sent('a', 1), sent('a', 2, 'c1', false)],
      threadOf(entry('a-1', 1), { ...entry('a-1', 2), messageId: 'other' }, entry('a-2', 3), {
        ...entry('a-2', 4),
        messageId: 'again',
      }),
      [],
    );
    expect(audit.duplicated).toBe(2);
  });

  it('counts cursors that do not increase and a sender whose messages swapped places', () => {
    const audit = auditDelivery(
      [sent('a', 1), sent('a', 2)],
      threadOf(entry('a-2', 5), entry('a-1', 5)),
      [],
    );
    expect(audit.outOfOrder).toBe(2);
  });

  it("keeps the agent's order per thread, not across threads", () => {
    const audit = auditDelivery(
      [sent('agent', 1, 'c2'), sent('agent', 2, 'c1'), sent('agent', 3, 'c2')],
      new Map([
        ['c1', [entry('agent-2', 1)]],
        ['c2', [entry('agent-1', 2), entry('agent-3', 3)]],
      ]),
      [],
    );
    expect(audit.outOfOrder).toBe(0);
  });

  it('finds what a device missed, got twice or got out of order, and messages nobody sent', () => {
    const thread = [entry('a-1', 1), entry('a-2', 2), entry('x-1', 3)];
    const audit = auditDelivery([sent('a', 1), sent('a', 2)], threadOf(...thread), [
      { device: 'd1', contactId: 'c1', messageIds: ['m-a-2', 'm-a-1', 'm-a-2'] },
    ]);
    expect(audit).toMatchObject({
      unknown: 1,
      deviceFrames: 3,
      deviceMissing: 1,
      deviceDuplicated: 1,
      deviceOutOfOrder: 1,
    });
  });
});
