import { decodeEvent, type KnownEvent } from '@threadline/contracts';
import type { ThreadEvent } from '../../domain';
import { threadCodec } from './thread.codec';

const USER = 'usr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const VISITOR = 'vis_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';

function onTheWire(event: ThreadEvent, streamVersion: number): KnownEvent {
  const result = decodeEvent({
    ...threadCodec.encode(event),
    eventId: `019aaf00-0000-7000-8000-${String(streamVersion).padStart(12, '0')}`,
    occurredAt: '2026-11-23T10:00:05.000Z',
    tenantId: 'app-1',
    streamId: `thread-${USER}`,
    streamVersion,
    correlationId: 'corr-1',
    causationId: 'cause-1',
  });
  if (!result.ok) throw new Error(result.reason);
  return result.event;
}

const message = {
  messageId: '019aaf00-0000-7000-8000-0000000000a1',
  clientMessageId: 'client-1',
  author: { kind: 'user' as const, contactId: USER, deviceId: 'phone' },
  text: 'Hello',
  sentAt: '2026-11-23T10:00:00.000Z',
};

describe('thread codec', () => {
  it.each<ThreadEvent>([
    { type: 'ConversationStarted', applicationId: 'app-1', contactId: USER },
    { type: 'MessageSent', message },
    {
      type: 'ConversationMerged',
      contactId: USER,
      fromContactId: VISITOR,
      messages: [{ ...message, author: { kind: 'agent', agentId: 'ann' } }],
      fromReadUpTo: { user: '0001795428000000_m-1' },
      unread: { user: 1, agent: 0 },
    },
    { type: 'ConversationMergedInto', contactId: VISITOR, intoContactId: USER, messageCount: 3 },
    { type: 'ThreadRead', contactId: USER, side: 'agent', upTo: '0001795428000000_m-1', unread: 0 },
  ])(
    'given a $type, when written and read back through its contract, then it is unchanged',
    (event) => {
      expect(threadCodec.decode(onTheWire(event, 2))).toEqual(event);
    },
  );

  it('given a message-sent written before messageId and sentAt existed, then the envelope provides them', () => {
    const { messageId: _id, sentAt: _at, ...old } = message;
    const envelope = onTheWire({ type: 'MessageSent', message: message }, 4);
    const legacy = { ...envelope, payload: old } as KnownEvent;
    expect(threadCodec.decode(legacy)).toEqual({
      type: 'MessageSent',
      message: { ...old, messageId: envelope.eventId, sentAt: envelope.occurredAt },
    });
  });

  it('refuses to decode an event of another stream kind', () => {
    expect(() =>
      threadCodec.decode({
        ...onTheWire({ type: 'ConversationStarted', applicationId: 'app-1', contactId: USER }, 1),
        type: 'identity.session-ended',
        payload: { sessionId: 's1', reason: 'logout' },
      } as KnownEvent),
    ).toThrow(/cannot decode identity.session-ended/);
  });
});
