import { contactIdOf, threadStreamId, type KnownEvent } from '@threadline/contracts';
import { threadCursorOf, threadMessagesOf } from './thread-message.mapper';

const contactId = contactIdOf('123456', { kind: 'user', userId: 'u-1' });
const envelope = {
  eventId: '0190a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b',
  occurredAt: '2026-11-23T10:00:00.123Z',
  tenantId: '123456',
  streamId: threadStreamId(contactId),
  streamVersion: 2,
  correlationId: 'c',
  causationId: 'c',
};

describe('thread messages of conversation events', () => {
  it('makes a sent message as the API shows it: the event id and time unless the payload names them', () => {
    const event = {
      ...envelope,
      type: 'conversation.message-sent',
      version: 1,
      payload: {
        clientMessageId: 'client-0001',
        author: { kind: 'user', contactId, deviceId: 'dev-1' },
        text: 'hello',
      },
    } as KnownEvent;
    expect(threadMessagesOf(event)).toEqual({
      applicationId: '123456',
      contactId,
      messages: [
        {
          messageId: envelope.eventId,
          clientMessageId: 'client-0001',
          author: { kind: 'user', contactId, deviceId: 'dev-1' },
          text: 'hello',
          sentAt: '2026-11-23T10:00:00.123Z',
          cursor: `${String(Date.parse('2026-11-23T10:00:00.123Z')).padStart(16, '0')}_${envelope.eventId}`,
        },
      ],
    });
    const named = {
      ...event,
      payload: { ...event.payload, messageId: 'msg-1', sentAt: '2026-11-23T10:00:01.000Z' },
    } as KnownEvent;
    expect(threadMessagesOf(named)?.messages[0]).toMatchObject({
      messageId: 'msg-1',
      sentAt: '2026-11-23T10:00:01.000Z',
      cursor: threadCursorOf('2026-11-23T10:00:01.000Z', 'msg-1'),
    });
  });

  it('makes the messages a merge carried into the thread, and none of other events or streams', () => {
    const visitor = contactIdOf('123456', { kind: 'visitor', visitorId: 'v-1' });
    const merged = {
      ...envelope,
      type: 'conversation.conversation-merged',
      version: 1,
      payload: {
        contactId,
        fromContactId: visitor,
        messages: [
          {
            messageId: 'old-1',
            clientMessageId: 'client-old-1',
            author: { kind: 'user', contactId: visitor, deviceId: 'dev-1' },
            text: 'before login',
            sentAt: '2026-11-23T09:00:00.000Z',
          },
        ],
        fromReadUpTo: {},
        unread: { user: 0, agent: 1 },
      },
    } as KnownEvent;
    expect(threadMessagesOf(merged)?.messages.map((m) => [m.messageId, m.cursor])).toEqual([
      ['old-1', threadCursorOf('2026-11-23T09:00:00.000Z', 'old-1')],
    ]);
    const started = {
      ...envelope,
      type: 'conversation.conversation-started',
      version: 1,
      payload: { contactId },
    } as KnownEvent;
    expect(threadMessagesOf(started)).toBeUndefined();
    expect(
      threadMessagesOf({ ...started, streamId: 'stream-catalog' } as KnownEvent),
    ).toBeUndefined();
  });
});
