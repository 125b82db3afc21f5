import { AddIdentityKeyHandler } from './add-identity-key.handler';
import { CreateAgentHandler } from './create-agent.handler';
import { GetApplicationHandler } from './get-application.handler';
import { ListApplicationsHandler } from './list-applications.handler';
import { RegisterApplicationHandler } from './register-application.handler';
import { RegisterOrganizationHandler } from './register-organization.handler';
import { RetireIdentityKeyHandler } from './retire-identity-key.handler';

export { AddIdentityKeyCommand } from './add-identity-key.command';
export { CreateAgentCommand } from './create-agent.command';
export { GetApplicationQuery } from './get-application.query';
export { ListApplicationsQuery } from './list-applications.query';
export { RegisterApplicationCommand } from './register-application.command';
export { RegisterOrganizationCommand } from './register-organization.command';
export { RetireIdentityKeyCommand, DEFAULT_KEY_OVERLAP_MS } from './retire-identity-key.command';
export * from './ports/applications.read-model.port';
export * from './ports/identity-key-secrets.port';
export * from './ports/secret-hasher.port';
export * from './ports/tenancy-randomness.port';
export * from './ports/tenancy-repositories';

export const tenancyHandlers = [
  RegisterOrganizationHandler,
  RegisterApplicationHandler,
  CreateAgentHandler,
  AddIdentityKeyHandler,
  RetireIdentityKeyHandler,
  GetApplicationHandler,
  ListApplicationsHandler,
];
