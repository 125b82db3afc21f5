import { decodeHeaders, nextOffset, toKafkaRecord } from './records';

describe('records', () => {
  it('commits the offset after the handled one, beyond 2^53', () => {
    expect(nextOffset('0')).toBe('1');
    expect(nextOffset('9007199254740993')).toBe('9007199254740994');
  });

  it('decodes header values to strings, keeping the last of a repeated header', () => {
    expect(
      decodeHeaders({
        a: Buffer.from('x'),
        b: 'y',
        c: [Buffer.from('1'), Buffer.from('2')],
        d: undefined,
      }),
    ).toEqual({ a: 'x', b: 'y', c: '2' });
    expect(decodeHeaders(undefined)).toEqual({});
  });

  it('maps a fetched message to a record without kafkajs types', () => {
    const value = Buffer.from('{"n":1}');
    expect(
      toKafkaRecord('t', 2, {
        offset: '7',
        key: Buffer.from('k'),
        value,
        timestamp: '1700000000000',
        headers: {},
      }),
    ).toEqual({
      topic: 't',
      partition: 2,
      offset: '7',
      key: 'k',
      value,
      headers: {},
      timestamp: '1700000000000',
    });
    expect(
      toKafkaRecord('t', 0, { offset: '0', key: null, value: null, timestamp: '0' }).key,
    ).toBeNull();
  });
});
