import { INVALID_UTF8_TYPE } from './body-refusal';
import { JSON_BODY_LIMIT_BYTES, jsonBodyParserOptions } from './json-body';

describe('jsonBodyParserOptions', () => {
  const { verify, limit } = jsonBodyParserOptions();
  const check = (bytes: number[], encoding: string | null = 'utf-8') =>
    verify({} as never, {}, Buffer.from(bytes), encoding);

  it('bounds bodies to 100 kB', () => {
    expect(limit).toBe(JSON_BODY_LIMIT_BYTES);
    expect(JSON_BODY_LIMIT_BYTES).toBe(102_400);
  });

  it('passes valid UTF-8, including characters beyond ASCII', () => {
    expect(() => check([...Buffer.from('{"name":"Zoë 🦆"}')])).not.toThrow();
  });

  it('refuses what replacement characters would otherwise hide: stray, overlong, surrogate bytes', () => {
    for (const bytes of [[0xff], [0x80], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
      expect(() => check([0x22, ...bytes, 0x22])).toThrow(
        expect.objectContaining({ status: 400, type: INVALID_UTF8_TYPE }),
      );
    }
  });

  it('leaves bodies in another declared charset to their decoder', () => {
    expect(() => check([0xff, 0xfe], 'utf-16le')).not.toThrow();
  });
});
