import type { EventCodec } from '@threadline/eventing';
import type { VisitorEvent } from '../../domain';

/** The anonymous visitor stream of one device (S4) on the wire. */
export const visitorCodec: EventCodec<VisitorEvent> = {
  encode: ({ type: _type, ...payload }) => ({
    type: 'identity.visitor-started',
    version: 1,
    payload,
  }),
  decode(envelope) {
    if (envelope.type !== 'identity.visitor-started') {
      throw new Error(
        `visitorCodec cannot decode ${envelope.type}@${envelope.version} (${envelope.streamId})`,
      );
    }
    const { visitorId, deviceId, generatedName, prefill } = envelope.payload;
    return { type: 'VisitorStarted', visitorId, deviceId, generatedName, prefill };
  },
};
