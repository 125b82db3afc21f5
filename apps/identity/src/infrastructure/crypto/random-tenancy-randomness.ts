import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { TenancyRandomness } from '../../application/tenancy/ports/tenancy-randomness.port';

/** Ids and secrets from the system's CSPRNG. */
export class CryptoTenancyRandomness implements TenancyRandomness {
  applicationId(): string {
    return String(randomInt(100_000, 1_000_000_000));
  }

  applicationSecret(): string {
    return randomBytes(32).toString('base64url');
  }

  identityKeyId(): string {
    return `key_${randomBytes(8).toString('hex')}`;
  }

  identityKeySecret(): string {
    return randomBytes(32).toString('base64url');
  }

  agentId(): string {
    return randomUUID();
  }

  password(): string {
    return randomBytes(18).toString('base64url');
  }
}
