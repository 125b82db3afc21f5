import type { KnownEvent } from '@threadline/contracts';
import type { EventCodec } from '@threadline/eventing';
import type { UserIdentityEvent } from '../../domain';

function unexpected(envelope: KnownEvent): never {
  throw new Error(
    `userIdentityCodec cannot decode ${envelope.type}@${envelope.version} (${envelope.streamId})`,
  );
}

/**
 * The user identity stream on the wire. A refusal's time is not in its payload: on reload it is the
 * envelope's `occurredAt`, which the store sets when appending in the same request.
 */
export const userIdentityCodec: EventCodec<UserIdentityEvent> = {
  encode(event) {
    switch (event.type) {
      case 'UserAuthenticated': {
        const { type: _type, ...payload } = event;
        return { type: 'identity.user-authenticated', version: 1, payload };
      }
      case 'HashBound':
        return {
          type: 'identity.hash-bound',
          version: 1,
          payload: { userId: event.userId, keyedHash: event.keyedHash },
        };
      case 'AuthenticationRejected': {
        const { type: _type, at: _at, ...payload } = event;
        return { type: 'identity.authentication-rejected', version: 1, payload };
      }
      default: {
        const never: never = event;
        return never;
      }
    }
  },
  decode(envelope) {
    switch (envelope.type) {
      case 'identity.user-authenticated':
        return { type: 'UserAuthenticated', ...envelope.payload };
      case 'identity.hash-bound':
        return { type: 'HashBound', ...envelope.payload };
      case 'identity.authentication-rejected':
        return { type: 'AuthenticationRejected', ...envelope.payload, at: envelope.occurredAt };
      default:
        return unexpected(envelope);
    }
  },
};
