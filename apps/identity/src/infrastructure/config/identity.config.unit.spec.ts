import { ConfigError } from '@threadline/service-kit';
import { loadIdentityConfig } from './identity.config';

const base = { KAFKA_BROKERS: '127.0.0.1:9092', MONGODB_URI: 'mongodb://127.0.0.1:27017/' };
const key = 'ab'.repeat(32);

describe('identity config: IDENTITY_MASTER_KEY', () => {
  it('accepts 32 bytes of hex, and no key outside production', () => {
    expect(loadIdentityConfig({ ...base, IDENTITY_MASTER_KEY: key }).IDENTITY_MASTER_KEY).toBe(key);
    expect(loadIdentityConfig({ ...base, NODE_ENV: 'test' }).IDENTITY_MASTER_KEY).toBeUndefined();
  });

  it('fails at boot, naming the variable, on a malformed key or none in production', () => {
    expect(() => loadIdentityConfig({ ...base, IDENTITY_MASTER_KEY: 'abc' })).toThrow(ConfigError);
    expect(() => loadIdentityConfig({ ...base, IDENTITY_MASTER_KEY: 'abc' })).toThrow(
      /IDENTITY_MASTER_KEY/,
    );
    expect(() => loadIdentityConfig({ ...base, NODE_ENV: 'production' })).toThrow(
      /IDENTITY_MASTER_KEY: is required when NODE_ENV=production/,
    );
  });
});
