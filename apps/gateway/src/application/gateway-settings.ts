/** The limits the application layer needs, taken from the validated config once at boot. */
export interface GatewaySettings {
  tokenCacheMs: number;
  applicationCacheMs: number;
}

export const GATEWAY_SETTINGS = Symbol('GATEWAY_SETTINGS');
