import { AgentCreatedV1 } from './agent-created.v1';
import { ApplicationRegisteredV1 } from './application-registered.v1';
import { AuthenticationRejectedV1 } from './authentication-rejected.v1';
import { HashBoundV1 } from './hash-bound.v1';
import { IdentityKeyAddedV1 } from './identity-key-added.v1';
import { IdentityKeyRetiredV1 } from './identity-key-retired.v1';
import { OrganizationRegisteredV1 } from './organization-registered.v1';
import { SessionEndedV1 } from './session-ended.v1';
import { UserAuthenticatedV1 } from './user-authenticated.v1';
import { VisitorStartedV1 } from './visitor-started.v1';

export {
  AgentCreatedV1,
  ApplicationRegisteredV1,
  AuthenticationRejectedV1,
  HashBoundV1,
  IdentityKeyAddedV1,
  IdentityKeyRetiredV1,
  OrganizationRegisteredV1,
  SessionEndedV1,
  UserAuthenticatedV1,
  VisitorStartedV1,
};

/** Every published identity event version (`identity.events`). */
export const identityContracts = [
  ApplicationRegisteredV1,
  VisitorStartedV1,
  UserAuthenticatedV1,
  HashBoundV1,
  AuthenticationRejectedV1,
  SessionEndedV1,
  OrganizationRegisteredV1,
  IdentityKeyAddedV1,
  IdentityKeyRetiredV1,
  AgentCreatedV1,
] as const;
