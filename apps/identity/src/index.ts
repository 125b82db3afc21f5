export { IdentityModule } from './identity.module';
export { loadIdentityConfig, type IdentityConfig } from './infrastructure/config/identity.config';
