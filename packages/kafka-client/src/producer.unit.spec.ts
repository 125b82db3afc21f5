import { KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { isFenced } from './producer';

const protocolError = (type: string, code: number) =>
  new KafkaJSProtocolError({ type, code, retriable: false, message: type });

describe('isFenced', () => {
  it('knows the errors after which a producer id is refused for good, also wrapped in a retry error', () => {
    expect(isFenced(protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER', 45))).toBe(true);
    expect(isFenced(protocolError('UNKNOWN_PRODUCER_ID', 59))).toBe(true);
    expect(isFenced(protocolError('INVALID_PRODUCER_EPOCH', 47))).toBe(true);
    expect(
      isFenced(
        new KafkaJSNumberOfRetriesExceeded(protocolError('OUT_OF_ORDER_SEQUENCE_NUMBER', 45), {
          retryCount: 5,
          retryTime: 100,
        }),
      ),
    ).toBe(true);
  });

  it('leaves other failures to the ordinary retry', () => {
    expect(isFenced(protocolError('NOT_LEADER_FOR_PARTITION', 6))).toBe(false);
    expect(isFenced(new Error('Connection error: connect ECONNREFUSED'))).toBe(false);
    expect(isFenced(undefined)).toBe(false);
  });
});
