import type { EventCodec } from '@threadline/eventing';
import type { SessionEvent } from '../../domain/sessions/session.decider';

export const sessionCodec: EventCodec<SessionEvent> = {
  encode: ({ type: _type, ...payload }) => ({
    type: 'identity.session-ended',
    version: 1,
    payload,
  }),
  decode(envelope) {
    if (envelope.type !== 'identity.session-ended') {
      throw new Error(
        `sessionCodec cannot decode ${envelope.type}@${envelope.version} (${envelope.streamId})`,
      );
    }
    return { type: 'SessionEnded', ...envelope.payload };
  },
};
