import { parseClientFrame } from './client-frame.parser';
import { FrameBudget } from './frame-budget';

describe('client frames', () => {
  it('accepts the three frames', () => {
    expect(parseClientFrame('{"type":"auth","token":"v1.a.b"}', false)).toEqual({
      ok: true,
      frame: { type: 'auth', token: 'v1.a.b' },
    });
    expect(parseClientFrame(Buffer.from('{"type":"ping"}'), false)).toEqual({
      ok: true,
      frame: { type: 'ping' },
    });
    const cursor = '0001764000000000_0190a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b';
    expect(parseClientFrame(JSON.stringify({ type: 'resume', after: cursor }), false)).toEqual({
      ok: true,
      frame: { type: 'resume', after: cursor },
    });
  });

  it.each([
    ['binary', Buffer.from('{"type":"ping"}'), true, /binary/],
    ['not JSON', '{oops', false, /not JSON/],
    ['an unknown type', '{"type":"subscribe"}', false, /^type: must be one of auth, resume, ping$/],
    ['no type', '[1,2]', false, /^type:/],
    ['an empty token', '{"type":"auth","token":""}', false, /^token:/],
    ['an extra field', '{"type":"ping","x":1}', false, /x/],
    [
      'a bad contact id',
      '{"type":"resume","contactId":"nope"}',
      false,
      /^contactId: must be a contact id/,
    ],
  ])('names the problem of %s', (_case, data, isBinary, message) => {
    const parsed = parseClientFrame(data, isBinary);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toMatch(message);
  });
});

describe('frame budget', () => {
  it('allows the limit per 10 s window, then refuses until the next window', () => {
    let now = 0;
    const budget = new FrameBudget(2, () => now);
    expect([budget.take(), budget.take(), budget.take()]).toEqual([true, true, false]);
    now = 10_000;
    expect(budget.take()).toBe(true);
  });
});
