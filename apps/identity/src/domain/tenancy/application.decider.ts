import type { Decider } from '@threadline/eventing';
import type { IdentityKeyWindow } from './identity-key-window';
import {
  ApplicationIdTakenError,
  ApplicationNotFoundError,
  IdentityKeyAlreadyRetiredError,
  IdentityKeyExistsError,
  IdentityKeyNotFoundError,
  IdentityKeyRequiredError,
  InvalidKeyWindowError,
  LastIdentityKeyError,
  OrganizationNotFoundError,
} from './tenancy.errors';

export type IdentityVerification = 'none' | 'required';

export interface RegisteredApplication {
  status: 'registered';
  organizationDomain: string;
  applicationId: string;
  name?: string;
  applicationSecretHash: string;
  allowedOrigins: string[];
  identityVerification: IdentityVerification;
  identityKeys: IdentityKeyWindow[];
}

export type ApplicationState = { status: 'none' } | RegisteredApplication;

export type ApplicationCommand =
  | {
      kind: 'register';
      organizationDomain: string;
      /** Whether the organization's stream holds a registration; the handler reads it. */
      organizationExists: boolean;
      applicationId: string;
      name: string;
      applicationSecretHash: string;
      allowedOrigins: string[];
      identityVerification: IdentityVerification;
      /** Required when `identityVerification` is `required`. */
      initialKey?: { keyId: string; activeFrom: string };
    }
  | {
      kind: 'add-key';
      applicationId: string;
      keyId: string;
      activeFrom: string;
      retiresAt?: string;
    }
  | { kind: 'retire-key'; applicationId: string; keyId: string; retiresAt: string; now: string };

export type ApplicationEvent =
  | {
      kind: 'application-registered';
      organizationDomain: string;
      applicationId: string;
      name?: string;
      applicationSecretHash: string;
      allowedOrigins: string[];
      identityVerification: IdentityVerification;
    }
  | {
      kind: 'identity-key-added';
      applicationId: string;
      keyId: string;
      activeFrom: string;
      retiresAt?: string;
    }
  | { kind: 'identity-key-retired'; applicationId: string; keyId: string; retiresAt: string };

function registered(state: ApplicationState, applicationId: string): RegisteredApplication {
  if (state.status !== 'registered') throw new ApplicationNotFoundError(applicationId);
  return state;
}

function decideRegister(
  command: Extract<ApplicationCommand, { kind: 'register' }>,
  state: ApplicationState,
): ApplicationEvent[] {
  if (!command.organizationExists) throw new OrganizationNotFoundError(command.organizationDomain);
  if (state.status !== 'none') throw new ApplicationIdTakenError(command.applicationId);
  if (command.identityVerification === 'required' && !command.initialKey) {
    throw new IdentityKeyRequiredError();
  }
  const events: ApplicationEvent[] = [
    {
      kind: 'application-registered',
      organizationDomain: command.organizationDomain,
      applicationId: command.applicationId,
      name: command.name,
      applicationSecretHash: command.applicationSecretHash,
      allowedOrigins: command.allowedOrigins,
      identityVerification: command.identityVerification,
    },
  ];
  if (command.initialKey) {
    events.push({
      kind: 'identity-key-added',
      applicationId: command.applicationId,
      keyId: command.initialKey.keyId,
      activeFrom: command.initialKey.activeFrom,
    });
  }
  return events;
}

function decideAddKey(
  command: Extract<ApplicationCommand, { kind: 'add-key' }>,
  app: RegisteredApplication,
): ApplicationEvent[] {
  if (app.identityKeys.some((k) => k.keyId === command.keyId)) {
    throw new IdentityKeyExistsError(command.keyId);
  }
  if (
    command.retiresAt !== undefined &&
    Date.parse(command.retiresAt) <= Date.parse(command.activeFrom)
  ) {
    throw new InvalidKeyWindowError('retiresAt must be after activeFrom', 'retiresAt');
  }
  return [
    {
      kind: 'identity-key-added',
      applicationId: app.applicationId,
      keyId: command.keyId,
      activeFrom: command.activeFrom,
      ...(command.retiresAt === undefined ? {} : { retiresAt: command.retiresAt }),
    },
  ];
}

function decideRetireKey(
  command: Extract<ApplicationCommand, { kind: 'retire-key' }>,
  app: RegisteredApplication,
): ApplicationEvent[] {
  const key = app.identityKeys.find((k) => k.keyId === command.keyId);
  if (!key) throw new IdentityKeyNotFoundError(command.keyId);
  if (key.retiresAt !== undefined) throw new IdentityKeyAlreadyRetiredError(command.keyId);
  if (Date.parse(command.retiresAt) < Date.parse(command.now)) {
    throw new InvalidKeyWindowError('retiresAt must not be in the past', 'retiresAt');
  }
  if (Date.parse(command.retiresAt) < Date.parse(key.activeFrom)) {
    throw new InvalidKeyWindowError('retiresAt must not be before the key is active', 'retiresAt');
  }
  const successors = app.identityKeys.filter(
    (k) => k.keyId !== key.keyId && k.retiresAt === undefined,
  );
  if (app.identityVerification === 'required' && successors.length === 0) {
    throw new LastIdentityKeyError(command.keyId);
  }
  return [
    {
      kind: 'identity-key-retired',
      applicationId: app.applicationId,
      keyId: command.keyId,
      retiresAt: command.retiresAt,
    },
  ];
}

/**
 * An application of an organization: its hashed secret, allowed origins, and the windows of its
 * identity-verification keys (S7). Rotation: add the new key, then retire the old one at the end
 * of an overlap in which both verify; a verifying application always keeps a key not retiring.
 */
export const applicationDecider: Decider<ApplicationState, ApplicationCommand, ApplicationEvent> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.kind) {
      case 'register':
        return decideRegister(command, state);
      case 'add-key':
        return decideAddKey(command, registered(state, command.applicationId));
      case 'retire-key':
        return decideRetireKey(command, registered(state, command.applicationId));
      default: {
        const never: never = command;
        return never;
      }
    }
  },
  evolve(state, event) {
    switch (event.kind) {
      case 'application-registered':
        return {
          status: 'registered',
          organizationDomain: event.organizationDomain,
          applicationId: event.applicationId,
          ...(event.name === undefined ? {} : { name: event.name }),
          applicationSecretHash: event.applicationSecretHash,
          allowedOrigins: event.allowedOrigins,
          identityVerification: event.identityVerification,
          identityKeys: [],
        };
      case 'identity-key-added': {
        if (state.status !== 'registered') return state;
        const key: IdentityKeyWindow = { keyId: event.keyId, activeFrom: event.activeFrom };
        if (event.retiresAt !== undefined) key.retiresAt = event.retiresAt;
        return { ...state, identityKeys: [...state.identityKeys, key] };
      }
      case 'identity-key-retired':
        if (state.status !== 'registered') return state;
        return {
          ...state,
          identityKeys: state.identityKeys.map((k) =>
            k.keyId === event.keyId ? { ...k, retiresAt: event.retiresAt } : k,
          ),
        };
      default: {
        const never: never = event;
        return never;
      }
    }
  },
};
