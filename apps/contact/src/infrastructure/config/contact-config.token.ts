export const CONTACT_CONFIG = Symbol('CONTACT_CONFIG');
