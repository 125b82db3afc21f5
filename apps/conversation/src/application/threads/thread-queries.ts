import { Query } from '@nestjs/cqrs';
import type { ThreadList, ThreadPage, ThreadSummary } from '@threadline/contracts';
import type { PageRequest } from '../ports/thread-view.port';

export class GetThreadPageQuery extends Query<ThreadPage> {
  constructor(
    readonly applicationId: string,
    readonly contactId: string,
    readonly request: PageRequest,
  ) {
    super();
  }
}

export class GetThreadSummaryQuery extends Query<ThreadSummary> {
  constructor(
    readonly applicationId: string,
    readonly contactId: string,
  ) {
    super();
  }
}

export class ListThreadsQuery extends Query<ThreadList> {
  constructor(
    readonly applicationId: string,
    readonly request: { before?: string; limit: number },
  ) {
    super();
  }
}
