/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by the matchers */
import { contactIdOf } from '@threadline/contracts';
import {
  clientMessageId,
  httpClient,
  testApplicationId,
  waitFor,
  type Answer,
} from './support/http';
import { startConversation, type Conversation } from './support/services';

const MESSAGES = 1_000;

describe('1,000 messages with random retries into one thread (real Kafka and store)', () => {
  let conversation: Conversation;
  let api: ReturnType<typeof httpClient>;
  const app = testApplicationId();
  const contactId = contactIdOf(app, { kind: 'user', userId: 'busy-user' });

  beforeAll(async () => {
    conversation = await startConversation();
    api = conversation.api;
  });

  afterAll(() => conversation?.close());

  it('stores each message once, in one order, and pages back and forth with no gaps or repeats', async () => {
    let seed = 42;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    // Three devices of the user and an agent, each sending its share in sequence.
    const senders = [
      { kind: 'user', deviceId: 'phone' },
      { kind: 'user', deviceId: 'laptop' },
      { kind: 'user', deviceId: 'tablet' },
      { kind: 'agent', agentId: 'agent-1' },
    ];
    const answers = new Map<string, Answer[]>();
    let retries = 0;
    await Promise.all(
      senders.map(async (author, s) => {
        for (let i = s; i < MESSAGES; i += senders.length) {
          const body = {
            applicationId: app,
            contactId,
            clientMessageId: `${clientMessageId()}_${i}`,
            author,
            text: `message ${i}`,
          };
          const send = () => api.post('/internal/threads/messages', body);
          const roll = random();
          let got: Answer[];
          if (roll < 0.15) {
            retries++;
            got = await Promise.all([send(), send()]); // a retry racing the original
          } else if (roll < 0.3) {
            retries++;
            got = [await send(), await send()]; // a retry after the answer was lost
          } else {
            got = [await send()];
          }
          answers.set(body.clientMessageId, got);
        }
      }),
    );

    expect(retries).toBeGreaterThan(200);
    const statuses = [...answers.values()].flat().map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(MESSAGES);
    expect(statuses.filter((s) => s !== 201 && s !== 200)).toEqual([]);
    for (const got of answers.values()) {
      expect(new Set(got.map((a) => a.body.message.messageId)).size).toBe(1);
    }

    // One thread is one partition, applied in order: once the newest is in, all are.
    const newest = [...answers.values()]
      .map((got) => got[0]!.body.message.cursor as string)
      .reduce((a, b) => (a > b ? a : b));
    await waitFor(
      () => api.get(`/internal/threads/${app}/${contactId}/messages?limit=1`),
      (p) => p.body.messages?.[0]?.cursor === newest,
      120_000,
    );

    const backwards: any[] = [];
    let before: string | null = null;
    do {
      const query: string = before ? `?limit=37&before=${before}` : '?limit=37';
      const page: Answer = await api.get(`/internal/threads/${app}/${contactId}/messages${query}`);
      expect(page.status).toBe(200);
      backwards.unshift(...page.body.messages);
      before = page.body.nextCursor;
    } while (before);

    const forwards: any[] = [];
    let after: string | null = backwards[0].cursor;
    forwards.push(backwards[0]);
    while (after) {
      const page: Answer = await api.get(
        `/internal/threads/${app}/${contactId}/messages?limit=50&after=${after}`,
      );
      forwards.push(...page.body.messages);
      after = page.body.nextCursor;
    }

    expect(backwards).toHaveLength(MESSAGES);
    expect(forwards).toEqual(backwards);
    expect(new Set(backwards.map((m) => m.clientMessageId)).size).toBe(MESSAGES);
    const cursors = backwards.map((m) => m.cursor as string);
    expect(cursors.every((c, i) => i === 0 || c > cursors[i - 1]!)).toBe(true);
    const times = backwards.map((m) => Date.parse(m.sentAt));
    expect(times.every((t, i) => i === 0 || t > times[i - 1]!)).toBe(true);
    // Each sender's messages keep the order it sent them in.
    for (const s of senders.keys()) {
      const own = backwards
        .map((m) => Number(String(m.text).split(' ')[1]))
        .filter((i) => i % senders.length === s);
      expect(own).toEqual([...own].sort((a, b) => a - b));
      expect(own).toHaveLength(MESSAGES / senders.length);
    }
    for (const m of backwards) {
      expect(m).toEqual(answers.get(m.clientMessageId)?.[0]?.body.message);
    }
  }, 600_000);
});
