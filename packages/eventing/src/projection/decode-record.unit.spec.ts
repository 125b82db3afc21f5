import { platformEventDecoder } from '../upcasting';
import { decodeRecord } from './decode-record';
import { sessionEnded } from './session-ended.fixture.spec';

const decoder = platformEventDecoder();

describe('decoding a record', () => {
  it('given bad JSON, then it is invalid and says so', () => {
    const result = decodeRecord({ value: Buffer.from('{oops') }, decoder);
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    expect(!result.ok && result.reason).toMatch(/^value is not JSON: /);
  });

  it('given no value, then it is invalid', () => {
    expect(decodeRecord({ value: null }, decoder)).toEqual({
      ok: false,
      kind: 'invalid',
      reason: 'record has no value',
    });
  });

  it('given a bad envelope, then the reason names the field', () => {
    const result = decodeRecord(
      { value: Buffer.from(JSON.stringify({ ...sessionEnded, streamVersion: 0 })) },
      decoder,
    );
    expect(!result.ok && result.reason).toMatch(/^streamVersion: /);
  });

  it('given an unknown type, then it is unknown rather than invalid', () => {
    const result = decodeRecord(
      { value: Buffer.from(JSON.stringify({ ...sessionEnded, type: 'identity.not-yet' })) },
      decoder,
    );
    expect(result).toMatchObject({ ok: false, kind: 'unknown-type' });
  });

  it('given bytes that are not UTF-8, then it is invalid rather than read with U+FFFD', () => {
    const text = JSON.stringify({ ...sessionEnded, correlationId: 'AB' });
    const [before, after] = text.split('AB');
    const value = Buffer.concat([Buffer.from(before!), Buffer.from([0xff]), Buffer.from(after!)]);
    expect(decodeRecord({ value }, decoder)).toEqual({
      ok: false,
      kind: 'invalid',
      reason: 'value is not valid UTF-8',
    });
  });

  it.each([
    ['NUL', '\\u0000'],
    ['an unpaired surrogate', '\\ud800'],
  ])('given %s in a string, then it is invalid and the reason names the field', (_, escape) => {
    const text = JSON.stringify({
      ...sessionEnded,
      payload: { ...(sessionEnded.payload as object), sessionId: 'S' },
    }).replace('"S"', `"a${escape}b"`);
    const result = decodeRecord({ value: Buffer.from(text) }, decoder);
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    expect(!result.ok && result.reason).toMatch(/^payload\.sessionId: holds NUL/);
  });

  it.each([
    ['an escaped surrogate pair (an emoji)', '\\ud83d\\udca5'],
    ['an escaped backslash before u0000', '\\\\u0000'],
  ])('given %s in a string, then it decodes', (_, escape) => {
    const text = JSON.stringify({ ...sessionEnded, correlationId: 'C' }).replace(
      '"C"',
      `"corr-${escape}"`,
    );
    expect(decodeRecord({ value: Buffer.from(text) }, decoder).ok).toBe(true);
  });

  it('given a surrogate pair (an emoji), then it decodes', () => {
    const value = Buffer.from(JSON.stringify({ ...sessionEnded, correlationId: 'corr-💥' }));
    expect(decodeRecord({ value }, decoder).ok).toBe(true);
  });
});
