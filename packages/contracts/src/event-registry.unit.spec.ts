import { publishedEvents } from '../test/fixtures/published-events';
import { decodeEvent, encodeEvent, eventContracts, type KnownEvent } from './event-registry';

/** The first fixture of a type; fixtures of other services come first, so never index by position. */
function fixtureOf<T extends (typeof publishedEvents)[number]['type']>(type: T) {
  const found = publishedEvents.find((e) => e.type === type);
  if (!found) throw new Error(`no fixture of ${type}`);
  return found as Extract<(typeof publishedEvents)[number], { type: T }>;
}

describe('event contracts', () => {
  it('has a frozen fixture for every published event version', () => {
    const published = new Set(publishedEvents.map((e) => `${e.type}@${e.version}`));
    const declared = eventContracts.map((c) => `${c.type}@${c.version}`);
    expect(declared.filter((key) => !published.has(key))).toEqual([]);
  });

  it.each(publishedEvents.map((e) => [`${e.type}@${e.version}`, e] as const))(
    'given the published %s, when decoded, then it is accepted unchanged',
    (_key, fixture) => {
      const result = decodeEvent(structuredClone(fixture));
      expect(result).toEqual({ ok: true, event: fixture });
    },
  );

  it('given an unknown type, when decoded, then it is reported as unknown so consumers can skip it', () => {
    const result = decodeEvent({
      ...fixtureOf('identity.application-registered'),
      type: 'identity.not-a-thing',
    });
    expect(result).toEqual({
      ok: false,
      kind: 'unknown-type',
      reason: 'no contract for identity.not-a-thing version 1',
    });
  });

  it('given a future version of a known type, when decoded, then it is unknown, not invalid', () => {
    const result = decodeEvent({ ...fixtureOf('identity.application-registered'), version: 99 });
    expect(result).toMatchObject({ ok: false, kind: 'unknown-type' });
  });

  it('given a bad payload, when decoded, then the reason names the field', () => {
    const userAuthenticated = fixtureOf('identity.user-authenticated');
    const result = decodeEvent({
      ...userAuthenticated,
      payload: { ...userAuthenticated.payload, profile: { email: 'not-an-email' } },
    });
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    expect(!result.ok && result.reason).toMatch(/^payload\.profile\.email: /);
  });

  it('given a bad envelope, when decoded, then every problem is named', () => {
    const result = decodeEvent({
      ...fixtureOf('identity.application-registered'),
      eventId: 'nope',
      streamVersion: 0,
      extra: true,
    });
    expect(result.ok).toBe(false);
    const reason = !result.ok ? result.reason : '';
    expect(reason).toContain('eventId');
    expect(reason).toContain('streamVersion');
    expect(reason).toContain('extra');
  });

  it('given a payload with an unknown field, when decoded, then it is invalid (no silent data)', () => {
    const hashBound = fixtureOf('identity.hash-bound');
    const result = decodeEvent({
      ...hashBound,
      payload: { ...hashBound.payload, rawHash: 'secret' },
    });
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
  });

  it('given a user_id of 256 characters, when decoded, then it is refused (S2 allows 255)', () => {
    const userAuthenticated = fixtureOf('identity.user-authenticated');
    const payload = { ...userAuthenticated.payload, userId: 'x'.repeat(256) };
    expect(decodeEvent({ ...userAuthenticated, payload }).ok).toBe(false);
    expect(
      decodeEvent({ ...userAuthenticated, payload: { ...payload, userId: 'é'.repeat(255) } }).ok,
    ).toBe(true);
  });

  it('refuses to encode an invalid event, naming the problem', () => {
    const bad = {
      ...fixtureOf('conversation.message-sent'),
      payload: { ...fixtureOf('conversation.message-sent').payload, text: '' },
    } as unknown as KnownEvent;
    expect(() => encodeEvent(bad)).toThrow(/conversation\.message-sent@1: payload\.text/);
  });
});
