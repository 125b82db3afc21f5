import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ApplicationView } from '@threadline/contracts';
import { ApplicationNotFoundError } from '../../domain/tenancy';
import { GetApplicationQuery } from './get-application.query';
import {
  APPLICATION_REPOSITORY,
  tenancyStreams,
  type ApplicationRepository,
} from './ports/tenancy-repositories';
import { applicationView } from './tenancy-views';

/** Reads the application's own stream, so an application is found right after it was created. */
@QueryHandler(GetApplicationQuery)
export class GetApplicationHandler implements IQueryHandler<GetApplicationQuery> {
  constructor(
    @Inject(APPLICATION_REPOSITORY) private readonly applications: ApplicationRepository,
  ) {}

  async execute(query: GetApplicationQuery): Promise<ApplicationView> {
    const { state } = await this.applications.load(tenancyStreams.application(query.applicationId));
    if (
      state.status !== 'registered' ||
      (query.organizationDomain !== undefined &&
        state.organizationDomain !== query.organizationDomain)
    ) {
      throw new ApplicationNotFoundError(query.applicationId);
    }
    return applicationView(state);
  }
}
