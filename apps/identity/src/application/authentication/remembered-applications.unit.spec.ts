import type { ApplicationRecord, ApplicationsReadModel } from '../tenancy';
import { REMEMBER_APPLICATION_MS, RememberedApplications } from './remembered-applications';

const record: ApplicationRecord = {
  organizationDomain: 'acme.example',
  applicationId: '123456',
  applicationSecretHash: 'hash:app-secret',
  allowedOrigins: ['https://acme.example'],
  identityVerification: 'none',
  identityKeys: [],
};

function setup() {
  const reads: string[] = [];
  const readModel: ApplicationsReadModel = {
    find: async (domain, id) => {
      reads.push(`${domain}/${id}`);
      return domain === record.organizationDomain && id === record.applicationId ? record : null;
    },
    listByOrganization: async () => [record],
  };
  const clock = { ms: 10_000, now: () => clock.ms };
  return { reads, clock, applications: new RememberedApplications(readModel, clock) };
}

describe('RememberedApplications', () => {
  it('given an application read a moment ago, when it is found again, then it comes from memory, marked remembered', async () => {
    const { reads, applications } = setup();

    const first = await applications.find('acme.example', '123456');
    const again = await applications.find('acme.example', '123456');

    expect(first).toEqual({ record, remembered: false });
    expect(again).toEqual({ record, remembered: true });
    expect(reads).toHaveLength(1);
  });

  it('given the remembering time has passed, then the read model is read again', async () => {
    const { reads, clock, applications } = setup();
    await applications.find('acme.example', '123456');

    clock.ms += REMEMBER_APPLICATION_MS + 1;
    const later = await applications.find('acme.example', '123456');

    expect(later).toEqual({ record, remembered: false });
    expect(reads).toHaveLength(2);
  });

  it('given an unknown application, then nothing is remembered and every find reads', async () => {
    const { reads, applications } = setup();

    await expect(applications.find('acme.example', 'nope')).resolves.toBeNull();
    await expect(applications.find('acme.example', 'nope')).resolves.toBeNull();

    expect(reads).toEqual(['acme.example/nope', 'acme.example/nope']);
  });

  it('given the same id under another organization, then it is not served from the other one (S17)', async () => {
    const { applications } = setup();
    await applications.find('acme.example', '123456');

    await expect(applications.find('evil.example', '123456')).resolves.toBeNull();
  });

  it('given fresh is asked for, then the read model is read even within the remembering time', async () => {
    const { reads, applications } = setup();
    await applications.find('acme.example', '123456');

    await applications.fresh('acme.example', '123456');

    expect(reads).toHaveLength(2);
  });
});
