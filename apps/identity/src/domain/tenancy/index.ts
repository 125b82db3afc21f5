export * from './tenancy.errors';
export * from './identity-key-window';
export * from './organization.decider';
export * from './application.decider';
export * from './agent.decider';
