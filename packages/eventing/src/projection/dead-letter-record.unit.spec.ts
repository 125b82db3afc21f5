import type { KafkaRecord } from '@threadline/kafka-client';
import { buildDeadLetterRecord, readDeadLetter } from './dead-letter-record';

const aRecord = (overrides: Partial<KafkaRecord> = {}): KafkaRecord => ({
  topic: 'conversation.events',
  partition: 2,
  offset: '41',
  key: 'thread-1',
  value: Buffer.from('{"not":"an event"}'),
  headers: { type: 'conversation.message-sent', version: '1' },
  timestamp: '1795428000000',
  ...overrides,
});
const letter = {
  kind: 'invalid' as const,
  reason: 'eventId: Invalid UUID',
  consumerGroup: 'conversation.stream-catalog.v1',
  at: new Date('2026-11-23T10:00:00.000Z'),
};

describe('dead-letter record', () => {
  it('given an invalid record, when parked, then key and raw bytes are kept and the origin and reason are in headers', () => {
    const parked = buildDeadLetterRecord(aRecord(), letter);
    expect(parked.key).toBe('thread-1');
    expect(parked.value).toEqual(Buffer.from('{"not":"an event"}'));
    expect(parked.headers).toEqual({
      type: 'conversation.message-sent',
      version: '1',
      'dlt-kind': 'invalid',
      'dlt-reason': 'eventId: Invalid UUID',
      'dlt-consumer-group': 'conversation.stream-catalog.v1',
      'dlt-at': '2026-11-23T10:00:00.000Z',
      'dlt-source-topic': 'conversation.events',
      'dlt-source-partition': '2',
      'dlt-source-offset': '41',
      'dlt-source-timestamp': '1795428000000',
    });
  });

  it('given a record without key or value, when parked, then its position is the key and the value is empty', () => {
    const parked = buildDeadLetterRecord(aRecord({ key: null, value: null }), letter);
    expect(parked.key).toBe('conversation.events/2/41');
    expect(parked.value).toEqual(Buffer.alloc(0));
  });

  it('given a very long reason, when parked, then it is cut and says how long it was', () => {
    const parked = buildDeadLetterRecord(aRecord(), { ...letter, reason: 'x'.repeat(10_000) });
    expect(parked.headers?.['dlt-reason']).toMatch(/^x{4000}… \(10000 characters\)$/);
  });

  it('reads back what it wrote', () => {
    const parked = buildDeadLetterRecord(aRecord(), letter);
    expect(readDeadLetter({ headers: parked.headers ?? {} })).toEqual({
      kind: 'invalid',
      reason: letter.reason,
      consumerGroup: letter.consumerGroup,
      at: '2026-11-23T10:00:00.000Z',
      source: {
        topic: 'conversation.events',
        partition: 2,
        offset: '41',
        timestamp: '1795428000000',
      },
    });
    expect(readDeadLetter({ headers: {} })).toBeUndefined();
  });
});
