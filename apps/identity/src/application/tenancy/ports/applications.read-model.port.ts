import type { IdentityKeyWindow, IdentityVerification } from '../../../domain/tenancy';

/** One application as the `applications` projection holds it; what widget authentication reads. */
export interface ApplicationRecord {
  organizationDomain: string;
  applicationId: string;
  name?: string;
  applicationSecretHash: string;
  allowedOrigins: string[];
  identityVerification: IdentityVerification;
  identityKeys: IdentityKeyWindow[];
}

/** The `applications` read model (eventually consistent with the streams). */
export interface ApplicationsReadModel {
  /** Null unless an application with that id exists in that organization (S17). */
  find(organizationDomain: string, applicationId: string): Promise<ApplicationRecord | null>;
  /** By application id, at most `limit`. */
  listByOrganization(organizationDomain: string, limit?: number): Promise<ApplicationRecord[]>;
}

export const APPLICATIONS_READ_MODEL = Symbol('APPLICATIONS_READ_MODEL');
