import type { KnownEvent } from '@threadline/contracts';
import type { EventCodec } from '@threadline/eventing';
import type { AgentEvent, ApplicationEvent, OrganizationEvent } from '../../domain/tenancy';

function unexpected(codec: string, envelope: KnownEvent): never {
  throw new Error(
    `${codec} cannot decode ${envelope.type}@${envelope.version} (${envelope.streamId})`,
  );
}

export const organizationCodec: EventCodec<OrganizationEvent> = {
  encode: (event) => ({
    type: 'identity.organization-registered',
    version: 1,
    payload: { domain: event.domain, name: event.name },
  }),
  decode(envelope) {
    if (envelope.type !== 'identity.organization-registered') {
      return unexpected('organizationCodec', envelope);
    }
    return { kind: 'organization-registered', ...envelope.payload };
  },
};

export const applicationCodec: EventCodec<ApplicationEvent> = {
  encode(event) {
    switch (event.kind) {
      case 'application-registered': {
        const { kind: _kind, ...payload } = event;
        return { type: 'identity.application-registered', version: 1, payload };
      }
      case 'identity-key-added': {
        const { kind: _kind, ...payload } = event;
        return { type: 'identity.identity-key-added', version: 1, payload };
      }
      case 'identity-key-retired': {
        const { kind: _kind, ...payload } = event;
        return { type: 'identity.identity-key-retired', version: 1, payload };
      }
      default: {
        const never: never = event;
        return never;
      }
    }
  },
  decode(envelope) {
    switch (envelope.type) {
      case 'identity.application-registered':
        return { kind: 'application-registered', ...envelope.payload };
      case 'identity.identity-key-added':
        return { kind: 'identity-key-added', ...envelope.payload };
      case 'identity.identity-key-retired':
        return { kind: 'identity-key-retired', ...envelope.payload };
      default:
        return unexpected('applicationCodec', envelope);
    }
  },
};

export const agentCodec: EventCodec<AgentEvent> = {
  encode: ({ kind: _kind, ...payload }) => ({
    type: 'identity.agent-created',
    version: 1,
    payload,
  }),
  decode(envelope) {
    if (envelope.type !== 'identity.agent-created') return unexpected('agentCodec', envelope);
    return { kind: 'agent-created', ...envelope.payload };
  },
};
