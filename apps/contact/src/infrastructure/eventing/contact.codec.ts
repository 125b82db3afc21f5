import type { KnownEvent } from '@threadline/contracts';
import type { EventCodec } from '@threadline/eventing';
import type { ContactEvent } from '../../domain';

function unexpected(envelope: KnownEvent): never {
  throw new Error(
    `contactCodec cannot decode ${envelope.type}@${envelope.version} (${envelope.streamId})`,
  );
}

/**
 * A contact stream (`contact-<contactId>`) on the wire: every payload names its contact; the
 * application is the envelope's tenant.
 */
export const contactCodec: EventCodec<ContactEvent> = {
  encode(event) {
    switch (event.type) {
      case 'ContactCreated': {
        const { type: _type, applicationId: _applicationId, ...payload } = event;
        return { type: 'contact.contact-created', version: 1, payload };
      }
      case 'ContactUpdated': {
        const { type: _type, applicationId: _applicationId, ...payload } = event;
        return { type: 'contact.contact-updated', version: 1, payload };
      }
      case 'PreChatFormSubmitted': {
        const { type: _type, applicationId: _applicationId, ...payload } = event;
        return { type: 'contact.pre-chat-form-submitted', version: 1, payload };
      }
      case 'ContactAuthenticated': {
        const { type: _type, applicationId: _applicationId, ...payload } = event;
        return { type: 'contact.contact-authenticated', version: 1, payload };
      }
      case 'ContactSeen': {
        const { type: _type, applicationId: _applicationId, ...payload } = event;
        return { type: 'contact.contact-seen', version: 1, payload };
      }
      case 'CustomAttributesSet': {
        const { type: _type, applicationId: _applicationId, ...payload } = event;
        return { type: 'contact.custom-attributes-set', version: 1, payload };
      }
      case 'ContactsMerged': {
        const { type: _type, applicationId: _applicationId, ...payload } = event;
        return { type: 'contact.contacts-merged', version: 1, payload };
      }
      case 'ContactMergedInto': {
        const { type: _type, applicationId: _applicationId, ...payload } = event;
        return { type: 'contact.contact-merged-into', version: 1, payload };
      }
      default: {
        const never: never = event;
        return never;
      }
    }
  },
  decode(envelope) {
    const applicationId = envelope.tenantId;
    switch (envelope.type) {
      case 'contact.contact-created':
        return { type: 'ContactCreated', applicationId, ...envelope.payload };
      case 'contact.contact-updated':
        return { type: 'ContactUpdated', applicationId, ...envelope.payload };
      case 'contact.pre-chat-form-submitted':
        return { type: 'PreChatFormSubmitted', applicationId, ...envelope.payload };
      case 'contact.contact-authenticated':
        return { type: 'ContactAuthenticated', applicationId, ...envelope.payload };
      case 'contact.contact-seen':
        return { type: 'ContactSeen', applicationId, ...envelope.payload };
      case 'contact.custom-attributes-set':
        return { type: 'CustomAttributesSet', applicationId, ...envelope.payload };
      case 'contact.contacts-merged':
        return { type: 'ContactsMerged', applicationId, ...envelope.payload };
      case 'contact.contact-merged-into':
        return { type: 'ContactMergedInto', applicationId, ...envelope.payload };
      default:
        return unexpected(envelope);
    }
  },
};
