import { StoreServiceConfig, ConfigError, loadConfig, withDefaults } from './service-config';

const valid = {
  PORT: '3001',
  KAFKA_BROKERS: '127.0.0.1:9092',
  MONGODB_URI: 'mongodb://127.0.0.1:27017/',
};

describe('service config', () => {
  it('given a valid environment, when loaded, then brokers are split and the port is a number', () => {
    const config = loadConfig(StoreServiceConfig, { ...valid, KAFKA_BROKERS: 'a:1, b:2' });
    expect(config).toMatchObject({
      PORT: 3001,
      KAFKA_BROKERS: ['a:1', 'b:2'],
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
    });
  });

  it('given several bad variables, when loaded, then every one is named', () => {
    const attempt = () =>
      loadConfig(StoreServiceConfig, {
        PORT: 'http',
        KAFKA_BROKERS: 'nohost',
        MONGODB_URI: 'postgres://x',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const { problems } = error as ConfigError;
      expect(problems.map((p) => p.split(':')[0])).toEqual([
        'PORT',
        'KAFKA_BROKERS.0',
        'MONGODB_URI',
      ]);
    }
  });

  it('given a missing variable, when loaded, then it is named', () => {
    expect(() => loadConfig(StoreServiceConfig, { PORT: '1', KAFKA_BROKERS: 'a:1' })).toThrow(
      /MONGODB_URI/,
    );
  });

  it('given defaults, when the environment sets a value, then the environment wins, and empty means unset', () => {
    expect(
      withDefaults({ PORT: '4000', LOG_LEVEL: '' }, { PORT: '3001', LOG_LEVEL: 'debug' }),
    ).toEqual({
      PORT: '4000',
      LOG_LEVEL: 'debug',
    });
  });
});
