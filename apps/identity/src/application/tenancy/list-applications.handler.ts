import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ApplicationList } from '@threadline/contracts';
import { OrganizationNotFoundError } from '../../domain/tenancy';
import { ListApplicationsQuery } from './list-applications.query';
import {
  APPLICATIONS_READ_MODEL,
  type ApplicationsReadModel,
} from './ports/applications.read-model.port';
import {
  ORGANIZATION_REPOSITORY,
  tenancyStreams,
  type OrganizationRepository,
} from './ports/tenancy-repositories';
import { applicationView } from './tenancy-views';

/** From the `applications` projection: an application appears there shortly after it is created. */
@QueryHandler(ListApplicationsQuery)
export class ListApplicationsHandler implements IQueryHandler<ListApplicationsQuery> {
  constructor(
    @Inject(ORGANIZATION_REPOSITORY) private readonly organizations: OrganizationRepository,
    @Inject(APPLICATIONS_READ_MODEL) private readonly readModel: ApplicationsReadModel,
  ) {}

  async execute(query: ListApplicationsQuery): Promise<ApplicationList> {
    const domain = query.organizationDomain;
    const organization = await this.organizations.load(tenancyStreams.organization(domain));
    if (organization.state.status !== 'registered') throw new OrganizationNotFoundError(domain);
    const records = await this.readModel.listByOrganization(domain);
    return { applications: records.map(applicationView) };
  }
}
