import type { ThreadMessage } from '@threadline/contracts';
import { SocketDelivery, type MessageFrame } from './socket-delivery';

const app = '123456';
const contact = 'usr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const other = 'usr_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';

function aMessage(n: number): ThreadMessage {
  const id = `m${String(n).padStart(3, '0')}`;
  return {
    messageId: id,
    clientMessageId: `client-${id}`,
    author: { kind: 'agent', agentId: 'agent-1' },
    text: `message ${n}`,
    sentAt: new Date(1_764_000_000_000 + n).toISOString(),
    cursor: `${String(1_764_000_000_000 + n).padStart(16, '0')}_${id}`,
  };
}
const frame = (n: number, contactId = contact): MessageFrame => ({
  type: 'message',
  applicationId: app,
  contactId,
  message: aMessage(n),
});

function setup() {
  const sent: MessageFrame[] = [];
  const delivery = new SocketDelivery((f) => sent.push(f), 100);
  const ids = () =>
    sent.map((f) => `${f.contactId === contact ? '' : 'other:'}${f.message.messageId}`);
  return { delivery, sent, ids };
}

describe('socket delivery: catch-up and live without gaps or repeats (S13)', () => {
  it('given live messages, then each is sent once, even when Kafka delivers it twice', () => {
    const { delivery, ids } = setup();
    delivery.live(frame(1));
    delivery.live(frame(2));
    delivery.live(frame(1));
    expect(ids()).toEqual(['m001', 'm002']);
  });

  it('given live messages during a catch-up, then they wait, and only those the pages lacked follow', () => {
    const { delivery, ids } = setup();
    delivery.beginCatchUp(app, contact);
    delivery.live(frame(4));
    delivery.live(frame(3));
    delivery.live(frame(1, other));
    delivery.catchUp(app, contact, [aMessage(1), aMessage(2), aMessage(3)]);
    expect(ids()).toEqual(['other:m001', 'm001', 'm002', 'm003']);
    delivery.endCatchUp(app, contact);
    expect(ids()).toEqual(['other:m001', 'm001', 'm002', 'm003', 'm004']);
    delivery.live(frame(5));
    expect(ids().at(-1)).toBe('m005');
  });

  it('given a message sent live before the resume, then the catch-up does not repeat it and fills what came before', () => {
    const { delivery, ids } = setup();
    delivery.live(frame(3));
    delivery.beginCatchUp(app, contact);
    delivery.catchUp(app, contact, [aMessage(2), aMessage(3)]);
    delivery.endCatchUp(app, contact);
    expect(ids()).toEqual(['m003', 'm002']);
  });

  it('given two overlapping catch-ups of one thread, then live waits until both ended', () => {
    const { delivery, ids } = setup();
    delivery.beginCatchUp(app, contact);
    delivery.beginCatchUp(app, contact);
    delivery.live(frame(9));
    delivery.endCatchUp(app, contact);
    expect(ids()).toEqual([]);
    delivery.endCatchUp(app, contact);
    expect(ids()).toEqual(['m009']);
  });
});
