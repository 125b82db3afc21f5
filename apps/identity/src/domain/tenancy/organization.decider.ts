import type { Decider } from '@threadline/eventing';
import { OrganizationAlreadyRegisteredError } from './tenancy.errors';

export type OrganizationState =
  { status: 'none' } | { status: 'registered'; domain: string; name: string };

export type OrganizationCommand = { kind: 'register'; domain: string; name: string };

export type OrganizationEvent = { kind: 'organization-registered'; domain: string; name: string };

/** An organization (tenant): its domain is unique because it names the stream. */
export const organizationDecider: Decider<
  OrganizationState,
  OrganizationCommand,
  OrganizationEvent
> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.kind) {
      case 'register':
        if (state.status !== 'none') throw new OrganizationAlreadyRegisteredError(command.domain);
        return [{ kind: 'organization-registered', domain: command.domain, name: command.name }];
      default: {
        const never: never = command.kind;
        return never;
      }
    }
  },
  evolve(_state, event) {
    switch (event.kind) {
      case 'organization-registered':
        return { status: 'registered', domain: event.domain, name: event.name };
      default: {
        const never: never = event.kind;
        return never;
      }
    }
  },
};
