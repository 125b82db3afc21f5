import { cursorOf } from './thread-cursor';
import {
  ClientMessageIdConflictError,
  MessageNotFoundError,
  ThreadMergedError,
  ThreadNotFoundError,
} from './thread.errors';
import { APP, aSend, given, history, messagesOf, T0, USER, VISITOR } from './thread.spec-kit';
import type { ConversationMerged, Message } from './thread.events';

const iso = (ms: number) => new Date(ms).toISOString();

describe('thread decider: messages (S3, S13)', () => {
  it('given no thread, when the user sends, then the conversation starts and the message is in it', () => {
    const send = aSend({ messageId: 'm-a', clientMessageId: 'c-a', text: 'Hello' });
    expect(given().when(send)()).toEqual([
      { type: 'ConversationStarted', applicationId: APP, contactId: USER },
      {
        type: 'MessageSent',
        message: {
          messageId: 'm-a',
          clientMessageId: 'c-a',
          author: { kind: 'user', contactId: USER, deviceId: 'phone' },
          text: 'Hello',
          sentAt: iso(T0),
        },
      },
    ]);
  });

  it('given a thread, when an agent replies, then only the message is recorded, by the agent', () => {
    const events = given(...history(aSend())).when(
      aSend({ sender: { kind: 'agent', agentId: 'ann' }, now: T0 + 5_000 }),
    )();
    expect(events).toMatchObject([
      {
        type: 'MessageSent',
        message: { author: { kind: 'agent', agentId: 'ann' }, sentAt: iso(T0 + 5_000) },
      },
    ]);
  });

  it('given a message, when the next one comes with an earlier clock, then it is sent 1 ms after (one order)', () => {
    const events = given(...history(aSend({ now: T0 }))).when(aSend({ now: T0 - 60_000 }))();
    expect(events).toMatchObject([{ type: 'MessageSent', message: { sentAt: iso(T0 + 1) } }]);
  });

  it('given an accepted clientMessageId, when the same author retries it, then nothing is recorded', () => {
    const past = history(aSend({ clientMessageId: 'retry-me', now: T0 }));
    expect(given(...past).when(aSend({ clientMessageId: 'retry-me', now: T0 + 9 }))()).toEqual([]);
  });

  it('given an accepted clientMessageId, when another author sends it, then it is refused as a conflict', () => {
    const past = history(aSend({ clientMessageId: 'mine' }));
    const when = given(...past).when(
      aSend({ clientMessageId: 'mine', sender: { kind: 'agent', agentId: 'ann' } }),
    );
    expect(when).toThrow(ClientMessageIdConflictError);
    expect(when).toThrow(expect.objectContaining({ field: 'clientMessageId' }));
  });

  it('given a thread of one application, when another application sends to it, then there is no such thread (S17)', () => {
    expect(given(...history(aSend())).when(aSend({ applicationId: 'app-2' }))).toThrow(
      ThreadNotFoundError,
    );
  });

  it('given 1,000 sends with clocks going back and forth and random retries, then each message is once, strictly in order', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const commands = [];
    for (let i = 0; i < 1_000; i++) {
      const send = aSend({ clientMessageId: `c-${i}`, now: T0 + Math.floor(random() * 10_000) });
      commands.push(send);
      if (random() < 0.3) commands.push({ ...send, messageId: `retry-${i}`, now: send.now + 50 });
    }
    const messages = messagesOf(history(...commands));
    expect(messages.map((m) => m.clientMessageId)).toEqual(
      Array.from({ length: 1_000 }, (_, i) => `c-${i}`),
    );
    const times = messages.map((m) => Date.parse(m.sentAt));
    expect(times.every((t, i) => i === 0 || t > times[i - 1]!)).toBe(true);
  });
});

describe('thread decider: read markers and unread counts', () => {
  const agentSays = (n: number) =>
    aSend({
      messageId: `agent-${n}`,
      clientMessageId: `agent-c-${n}`,
      sender: { kind: 'agent', agentId: 'ann' },
      now: T0 + n,
    });
  const past = () =>
    history(
      aSend({ messageId: 'user-1', clientMessageId: 'user-c-1', now: T0 }),
      agentSays(10),
      agentSays(20),
      agentSays(30),
    );

  it('given three agent messages, when the user reads up to the second, then one stays unread for the user', () => {
    const events = given(...past()).when({
      kind: 'mark-read',
      applicationId: APP,
      contactId: USER,
      side: 'user',
      upTo: cursorOf(T0 + 20, 'agent-20'),
    })();
    expect(events).toEqual([
      {
        type: 'ThreadRead',
        contactId: USER,
        side: 'user',
        upTo: cursorOf(T0 + 20, 'agent-20'),
        unread: 1,
      },
    ]);
  });

  it('given a thread, then the unread counts of each side follow the messages and reads', () => {
    const { state } = given(...past());
    expect(state.status !== 'none' && state.unread).toEqual({ user: 3, agent: 1 });
  });

  it('given a message named by its id, when read, then the marker is its cursor', () => {
    const events = given(...past()).when({
      kind: 'mark-read',
      applicationId: APP,
      contactId: USER,
      side: 'agent',
      upTo: 'user-1',
    })();
    expect(events).toEqual([
      {
        type: 'ThreadRead',
        contactId: USER,
        side: 'agent',
        upTo: cursorOf(T0, 'user-1'),
        unread: 0,
      },
    ]);
  });

  it('given a marker, when a read names an earlier message, then nothing changes', () => {
    const read = {
      kind: 'mark-read' as const,
      applicationId: APP,
      contactId: USER,
      side: 'user' as const,
    };
    const first = given(...past()).when({ ...read, upTo: 'agent-30' })();
    expect(given(...past(), ...first).when({ ...read, upTo: 'agent-10' })()).toEqual([]);
  });

  it('given no such message, when read, then it is refused naming upTo', () => {
    const when = given(...past()).when({
      kind: 'mark-read',
      applicationId: APP,
      contactId: USER,
      side: 'user',
      upTo: 'nope',
    });
    expect(when).toThrow(MessageNotFoundError);
    expect(when).toThrow(expect.objectContaining({ field: 'upTo' }));
    expect(
      given().when({
        kind: 'mark-read',
        applicationId: APP,
        contactId: USER,
        side: 'user',
        upTo: 'x',
      }),
    ).toThrow(MessageNotFoundError);
  });
});

describe('thread decider: visitor becomes user (S12)', () => {
  const visitorSays = (n: number, overrides = {}) =>
    aSend({
      contactId: VISITOR,
      messageId: `v-${n}`,
      clientMessageId: `v-c-${n}`,
      sender: { kind: 'user', deviceId: 'laptop' },
      now: T0 + n,
      ...overrides,
    });
  const seal = {
    kind: 'seal-for-merge' as const,
    applicationId: APP,
    contactId: VISITOR,
    intoContactId: USER,
  };
  const absorb = (messages: Message[], fromReadUpTo = {}) => ({
    kind: 'absorb' as const,
    applicationId: APP,
    contactId: USER,
    fromContactId: VISITOR,
    messages,
    fromReadUpTo,
  });

  it('given a visitor thread with messages, when sealed, then it is merged into the user and refuses new messages', () => {
    const past = history(visitorSays(1), visitorSays(2));
    const sealed = given(...past).when(seal)();
    expect(sealed).toEqual([
      { type: 'ConversationMergedInto', contactId: VISITOR, intoContactId: USER, messageCount: 2 },
    ]);
    const when = given(...past, ...sealed).when(visitorSays(3));
    expect(when).toThrow(ThreadMergedError);
    expect(when).toThrow(expect.objectContaining({ mergedInto: USER }));
  });

  it('given no visitor thread, or one already merged, when sealed, then nothing is recorded (at most once)', () => {
    expect(given().when(seal)()).toEqual([]);
    const past = history(visitorSays(1), seal);
    expect(
      given(...past).when({ ...seal, intoContactId: 'usr_CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC' })(),
    ).toEqual([]);
  });

  it('given a user thread, when a visitor conversation is absorbed, then its messages join in time order, ids kept', () => {
    const visitorMessages = messagesOf(history(visitorSays(5), visitorSays(15)));
    const userPast = history(aSend({ messageId: 'u-10', clientMessageId: 'u-c-10', now: T0 + 10 }));
    const events = given(...userPast).when(absorb([...visitorMessages].reverse()))();
    expect(events).toEqual([
      {
        type: 'ConversationMerged',
        contactId: USER,
        fromContactId: VISITOR,
        messages: visitorMessages,
        fromReadUpTo: {},
        unread: { user: 0, agent: 3 },
      },
    ]);
    expect(visitorMessages[0]).toMatchObject({
      messageId: 'v-5',
      author: { kind: 'user', contactId: VISITOR, deviceId: 'laptop' },
      sentAt: iso(T0 + 5),
    });
  });

  it('given no user thread yet, when absorbed, then the user thread starts with the merge', () => {
    const events = given().when(absorb(messagesOf(history(visitorSays(1)))))();
    expect(events.map((e) => e.type)).toEqual(['ConversationStarted', 'ConversationMerged']);
  });

  it('given an absorbed visitor, when absorbed again (redelivery), then nothing is recorded', () => {
    const messages = messagesOf(history(visitorSays(1)));
    const past = history(aSend(), absorb(messages));
    expect(given(...past).when(absorb(messages))()).toEqual([]);
  });

  it('given a merged message, when its device retries it as the user, then it is a duplicate, not a new message', () => {
    const messages = messagesOf(history(visitorSays(1)));
    const past = history(aSend(), absorb(messages));
    const retry = aSend({ clientMessageId: 'v-c-1', sender: { kind: 'user', deviceId: 'laptop' } });
    expect(given(...past).when(retry)()).toEqual([]);
  });

  it('given what the visitor had read, when absorbed, then merged agent replies before that marker stay read', () => {
    const visitorPast = history(
      visitorSays(1),
      visitorSays(2, {
        messageId: 'a-2',
        clientMessageId: 'a-c-2',
        sender: { kind: 'agent', agentId: 'ann' },
      }),
      visitorSays(3, {
        messageId: 'a-3',
        clientMessageId: 'a-c-3',
        sender: { kind: 'agent', agentId: 'ann' },
      }),
    );
    const events = given().when(
      absorb(messagesOf(visitorPast), { user: cursorOf(T0 + 2, 'a-2') }),
    )();
    expect((events[1] as ConversationMerged).unread).toEqual({ user: 1, agent: 1 });
  });

  it('given a large conversation, when absorbed, then it is carried in parts of one commit, nothing lost', () => {
    const big = 'x'.repeat(10_000);
    const visitorPast = history(
      ...Array.from({ length: 120 }, (_, i) => visitorSays(i, { text: big })),
    );
    const events = given().when(absorb(messagesOf(visitorPast)))();
    const parts = events.filter((e): e is ConversationMerged => e.type === 'ConversationMerged');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((p) => p.messages.map((m) => m.messageId))).toEqual(
      Array.from({ length: 120 }, (_, i) => `v-${i}`),
    );
    expect(parts.at(-1)?.unread).toEqual({ user: 0, agent: 120 });
  });
});
