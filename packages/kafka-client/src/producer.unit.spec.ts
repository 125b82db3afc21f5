import { KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { isFenced } from './producer';

// kafkajs builds these from a broker's error entry; its typings only admit an Error or a string.
const protocolError = (type: string, code: number) =>
  new KafkaJSProtocolError({ type, code, retriable: false, message: type } as unknown as Error);

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
