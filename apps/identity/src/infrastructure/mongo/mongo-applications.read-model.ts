import type { mongo } from 'mongoose';
import type {
  ApplicationRecord,
  ApplicationsReadModel,
} from '../../application/tenancy/ports/applications.read-model.port';
import type { IdentityKeyWindow } from '../../domain/tenancy';
import { APPLICATIONS_COLLECTION, type ApplicationDocument } from './applications.projection';

export function toApplicationRecord(doc: ApplicationDocument): ApplicationRecord {
  const identityKeys: IdentityKeyWindow[] = Object.entries(doc.identityKeys ?? {})
    .map(([keyId, window]) => ({
      keyId,
      activeFrom: new Date(window.activeFrom).toISOString(),
      ...(window.retiresAt ? { retiresAt: new Date(window.retiresAt).toISOString() } : {}),
    }))
    .sort((a, b) => a.activeFrom.localeCompare(b.activeFrom) || a.keyId.localeCompare(b.keyId));
  return {
    organizationDomain: doc.organizationDomain,
    applicationId: doc.applicationId,
    ...(doc.name === undefined ? {} : { name: doc.name }),
    applicationSecretHash: doc.applicationSecretHash,
    allowedOrigins: doc.allowedOrigins,
    identityVerification: doc.identityVerification,
    identityKeys,
  };
}

export class MongoApplicationsReadModel implements ApplicationsReadModel {
  constructor(private readonly db: () => mongo.Db) {}

  private get collection(): mongo.Collection<ApplicationDocument> {
    return this.db().collection<ApplicationDocument>(APPLICATIONS_COLLECTION);
  }

  async find(organizationDomain: string, applicationId: string): Promise<ApplicationRecord | null> {
    const doc = await this.collection.findOne({ _id: applicationId, organizationDomain });
    return doc ? toApplicationRecord(doc) : null;
  }

  async listByOrganization(
    organizationDomain: string,
    limit = 1_000,
  ): Promise<ApplicationRecord[]> {
    // FerretDB never pushes sorts down: fetch the organization's few applications, sort here.
    const docs = await this.collection.find({ organizationDomain }).limit(limit).toArray();
    return docs
      .map(toApplicationRecord)
      .sort((a, b) => a.applicationId.localeCompare(b.applicationId));
  }
}
