export { ContactModule } from './contact.module';
export { loadContactConfig, type ContactConfig } from './infrastructure/config/contact.config';
export { contactsProjection } from './projections';
