import { kafkajsLevel, levelFromKafkajs, toLogCreator, type KafkaLogEntry } from './logging';

describe('logging', () => {
  it('maps kafkajs levels both ways', () => {
    expect([1, 2, 4, 5].map(levelFromKafkajs)).toEqual(['error', 'warn', 'info', 'debug']);
    expect(kafkajsLevel('nothing')).toBe(0);
    expect(kafkajsLevel('warn')).toBe(2);
  });

  it('forwards kafkajs entries to our logger without its timestamp and logger name', () => {
    const entries: KafkaLogEntry[] = [];
    const log = toLogCreator((e) => entries.push(e))(2);
    log({
      namespace: 'Connection',
      level: 1,
      log: {
        message: 'Connection error',
        timestamp: 'x',
        logger: 'kafkajs',
        broker: '127.0.0.1:9092',
      },
    });
    expect(entries).toEqual([
      {
        level: 'error',
        namespace: 'Connection',
        message: 'Connection error',
        broker: '127.0.0.1:9092',
      },
    ]);
  });
});
