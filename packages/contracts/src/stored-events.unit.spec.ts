import { decodeStoredEvents, encodeStoredEvents } from './stored-events';

const envelope = {
  eventId: '019aaf00-0000-7000-8000-000000000001',
  type: 'contact.contacts-imported',
  payload: { rows: [{ name: 'Zoë "Z" Ng', note: 'line\nbreak' }] },
};

describe('stored events', () => {
  it('given envelopes, when encoded and decoded, then they come back equal', () => {
    const stored = encodeStoredEvents([envelope, envelope]);

    expect(typeof stored).toBe('string');
    expect(decodeStoredEvents(stored)).toEqual({ ok: true, envelopes: [envelope, envelope] });
  });

  it('given a commit written before, holding an array, when decoded, then the array is read as is', () => {
    expect(decodeStoredEvents([envelope])).toEqual({ ok: true, envelopes: [envelope] });
  });

  it.each([
    ['a truncated string', '[{"eventId":', /events are not JSON/],
    ['JSON that is not an array', '{"eventId":"x"}', /not an array/],
    ['a number', 42, /stored as number/],
    ['nothing', undefined, /stored as undefined/],
  ])('given %s, when decoded, then the reason is named', (_, stored, reason) => {
    const result = decodeStoredEvents(stored);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });
});
