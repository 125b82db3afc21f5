/** The validated gateway config, for providers that need more than the settings. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
