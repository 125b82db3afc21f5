export { IdentityModule } from './identity.module';
export { loadIdentityConfig, type IdentityConfig } from './infrastructure/config/identity.config';
export { applicationsProjection, identitiesProjection, sessionsProjection } from './projections';
export { verifyApplicationSecret } from './infrastructure/crypto/scrypt-secret-hasher';
