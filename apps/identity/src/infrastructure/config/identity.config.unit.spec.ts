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

describe('identity config: IDENTITY_HASH_PEPPER', () => {
  it('accepts 32 bytes or more, and none outside production', () => {
    const pepper = 'p'.repeat(32);
    expect(loadIdentityConfig({ ...base, IDENTITY_HASH_PEPPER: pepper }).IDENTITY_HASH_PEPPER).toBe(
      pepper,
    );
    expect(loadIdentityConfig({ ...base }).IDENTITY_HASH_PEPPER).toBeUndefined();
  });

  it('fails at boot on a short pepper, or none in production', () => {
    expect(() => loadIdentityConfig({ ...base, IDENTITY_HASH_PEPPER: 'short' })).toThrow(
      /IDENTITY_HASH_PEPPER: must be at least 32 bytes/,
    );
    expect(() =>
      loadIdentityConfig({ ...base, NODE_ENV: 'production', IDENTITY_MASTER_KEY: key }),
    ).toThrow(/IDENTITY_HASH_PEPPER: is required when NODE_ENV=production/);
  });
});

describe('identity config: IDENTITY_SESSION_KEY and IDENTITY_SESSION_TTL_SECONDS', () => {
  const sessionKey = `k2:${'n'.repeat(32)},k1:${'o'.repeat(32)}`;

  it('accepts a key ring, none outside production, and a 30-day lifetime by default', () => {
    const config = loadIdentityConfig({ ...base, IDENTITY_SESSION_KEY: sessionKey });
    expect(config.IDENTITY_SESSION_KEY).toBe(sessionKey);
    expect(config.IDENTITY_SESSION_TTL_SECONDS).toBe(30 * 24 * 3600);
    expect(
      loadIdentityConfig({ ...base, IDENTITY_SESSION_TTL_SECONDS: '3600' })
        .IDENTITY_SESSION_TTL_SECONDS,
    ).toBe(3600);
  });

  it('fails at boot on a short secret, or none in production', () => {
    expect(() => loadIdentityConfig({ ...base, IDENTITY_SESSION_KEY: 'k1:short' })).toThrow(
      /IDENTITY_SESSION_KEY: the secret of key k1 must be at least 32 characters/,
    );
    expect(() =>
      loadIdentityConfig({
        ...base,
        NODE_ENV: 'production',
        IDENTITY_MASTER_KEY: key,
        IDENTITY_HASH_PEPPER: 'p'.repeat(32),
      }),
    ).toThrow(/IDENTITY_SESSION_KEY: is required when NODE_ENV=production/);
  });
});
