import { organizationDecider, type OrganizationEvent } from './organization.decider';
import { given } from './tenancy.spec-kit';
import { OrganizationAlreadyRegisteredError } from './tenancy.errors';

const anOrganizationRegistered = (
  overrides: Partial<OrganizationEvent> = {},
): OrganizationEvent => ({
  kind: 'organization-registered',
  domain: 'acme.example',
  name: 'Acme',
  ...overrides,
});

describe('organization decider', () => {
  it('given no organization, when registered, then OrganizationRegistered', () => {
    const when = given(organizationDecider).when({
      kind: 'register',
      domain: 'acme.example',
      name: 'Acme',
    });
    expect(when()).toEqual([anOrganizationRegistered()]);
  });

  it('given a registered domain, when registered again, then it is refused as a duplicate', () => {
    const when = given(organizationDecider, [anOrganizationRegistered()]).when({
      kind: 'register',
      domain: 'acme.example',
      name: 'Other Acme',
    });
    expect(when).toThrow(OrganizationAlreadyRegisteredError);
    expect(when).toThrow(
      expect.objectContaining({ code: 'ORGANIZATION_ALREADY_REGISTERED', field: 'domain' }),
    );
  });
});
