import { parseBrokers } from './kafka';

describe('parseBrokers', () => {
  it('splits a comma-separated list', () => {
    expect(parseBrokers(' 127.0.0.1:9092, kafka:9092 ,')).toEqual(['127.0.0.1:9092', 'kafka:9092']);
  });

  it('refuses an empty list', () => {
    expect(() => parseBrokers(' , ')).toThrow(/no Kafka brokers/);
  });
});
