import { Query } from '@nestjs/cqrs';
import type { ApplicationView } from '@threadline/contracts';

export class GetApplicationQuery extends Query<ApplicationView> {
  constructor(
    readonly applicationId: string,
    /** When given, an application of another organization is not found (S17). */
    readonly organizationDomain?: string,
  ) {
    super();
  }
}
