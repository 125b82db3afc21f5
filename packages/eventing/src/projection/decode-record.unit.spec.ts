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
});
