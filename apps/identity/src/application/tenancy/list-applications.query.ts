import { Query } from '@nestjs/cqrs';
import type { ApplicationList } from '@threadline/contracts';

export class ListApplicationsQuery extends Query<ApplicationList> {
  constructor(readonly organizationDomain: string) {
    super();
  }
}
