import { randomBytes, randomUUID } from 'node:crypto';
import type { AuthenticationRandomness } from '../../application/authentication/ports/authentication.ports';

/** Session and visitor ids and device tokens from the system's CSPRNG. */
export class CryptoAuthenticationRandomness implements AuthenticationRandomness {
  sessionId(): string {
    return randomUUID();
  }

  visitorId(): string {
    return `v_${randomBytes(12).toString('hex')}`;
  }

  deviceToken(): string {
    return randomBytes(24).toString('base64url');
  }
}
