import { decodeEvent } from '@threadline/contracts';
import { aConversationStarted, aMessageSent } from '../../test/store/thread.fixture';
import { buildEnvelopes } from './envelope-builder';
import type { NewEvent } from './event-store.port';
import { InvalidAppendError } from './invalid-append.error';

const at = new Date('2026-11-23T10:00:00.000Z');
function sources() {
  let n = 0;
  return {
    clock: { now: () => at },
    newEventId: () => `019aaf00-0000-7000-8000-${String(++n).padStart(12, '0')}`,
  };
}

describe('buildEnvelopes', () => {
  it('given a stream at 2, when two events are built, then they get versions 3 and 4, ids and the clock time', () => {
    const events = buildEnvelopes(
      'thread-1',
      2,
      [aConversationStarted(), aMessageSent()],
      sources(),
    );

    expect(events.map((e) => e.streamVersion)).toEqual([3, 4]);
    expect(events.map((e) => e.eventId)).toEqual([
      '019aaf00-0000-7000-8000-000000000001',
      '019aaf00-0000-7000-8000-000000000002',
    ]);
    expect(
      events.every((e) => e.occurredAt === at.toISOString() && e.streamId === 'thread-1'),
    ).toBe(true);
    for (const event of events) expect(decodeEvent(event)).toEqual({ ok: true, event });
  });

  it('drops undefined fields, so what is stored equals what is published', () => {
    const [event] = buildEnvelopes(
      'thread-1',
      0,
      [{ ...aConversationStarted(), extra: undefined } as unknown as NewEvent],
      sources(),
    );
    expect(Object.keys(event!)).not.toContain('extra');
  });

  function refusal(build: () => unknown): InvalidAppendError {
    try {
      build();
    } catch (error) {
      if (error instanceof InvalidAppendError) return error;
      throw error;
    }
    throw new Error('expected an InvalidAppendError');
  }

  it('refuses an invalid payload, naming the event and the field', () => {
    const invalid = {
      ...aMessageSent(),
      payload: { clientMessageId: 'm-1', text: '' },
    } as NewEvent;
    const error = refusal(() =>
      buildEnvelopes('thread-1', 0, [aConversationStarted(), invalid], sources()),
    );

    expect(error.code).toBe('EVENT_STORE_INVALID_APPEND');
    expect(error.message).toContain('event 1 (conversation.message-sent@1)');
    expect(error.message).toContain('payload.author');
  });

  it('refuses an unknown event type', () => {
    const unknown = {
      ...aConversationStarted(),
      type: 'conversation.no-such-thing',
    } as unknown as NewEvent;
    expect(refusal(() => buildEnvelopes('s', 0, [unknown], sources())).message).toContain(
      'no contract for conversation.no-such-thing',
    );
  });

  it('refuses a payload key FerretDB cannot store', () => {
    const dotted = {
      ...aConversationStarted(),
      payload: { contactId: 'c', 'a.b': 1 },
    } as unknown as NewEvent;
    expect(refusal(() => buildEnvelopes('s', 0, [dotted], sources())).message).toContain('"a.b"');
  });

  it.each([
    ['no events', 0, []],
    ['a negative expected version', -1, [aConversationStarted()]],
    ['a fractional expected version', 1.5, [aConversationStarted()]],
    ['events of two tenants', 0, [aConversationStarted(), aMessageSent({ tenantId: 'app-2' })]],
  ])('refuses %s', (_, expectedVersion, events) => {
    expect(() =>
      buildEnvelopes('s', expectedVersion as number, events as NewEvent[], sources()),
    ).toThrow(InvalidAppendError);
  });
});
