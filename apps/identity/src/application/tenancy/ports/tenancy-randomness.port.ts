/** Where tenancy gets its ids and secrets from; a port so that handlers are tested deterministically. */
export interface TenancyRandomness {
  /** 6 to 9 digits, like HelpCrunch's numeric application ids. */
  applicationId(): string;
  applicationSecret(): string;
  identityKeyId(): string;
  identityKeySecret(): string;
  agentId(): string;
  password(): string;
}

export const TENANCY_RANDOMNESS = Symbol('TENANCY_RANDOMNESS');
