import type { ApplicationView, IdentityKeyView } from '@threadline/contracts';
import type { IdentityKeyWindow, RegisteredApplication } from '../../domain/tenancy';
import type { ApplicationRecord } from './ports/applications.read-model.port';

function keyView(key: IdentityKeyWindow): IdentityKeyView {
  return {
    keyId: key.keyId,
    activeFrom: key.activeFrom,
    ...(key.retiresAt === undefined ? {} : { retiresAt: key.retiresAt }),
  };
}

/** What the admin API shows of an application: never the secret hash. */
export function applicationView(app: RegisteredApplication | ApplicationRecord): ApplicationView {
  return {
    organizationDomain: app.organizationDomain,
    applicationId: app.applicationId,
    ...(app.name === undefined ? {} : { name: app.name }),
    allowedOrigins: [...app.allowedOrigins],
    identityVerification: app.identityVerification,
    identityKeys: app.identityKeys.map(keyView),
  };
}
