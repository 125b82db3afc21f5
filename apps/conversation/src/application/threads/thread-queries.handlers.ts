import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { THREAD_VIEW, type ThreadView } from '../ports/thread-view.port';
import { GetThreadPageQuery, GetThreadSummaryQuery, ListThreadsQuery } from './thread-queries';

/** Reads of the thread projection: eventually consistent with the stream, milliseconds behind. */
@QueryHandler(GetThreadPageQuery)
export class GetThreadPageHandler implements IQueryHandler<GetThreadPageQuery> {
  constructor(@Inject(THREAD_VIEW) private readonly view: ThreadView) {}
  execute(query: GetThreadPageQuery) {
    return this.view.page(query.applicationId, query.contactId, query.request);
  }
}

@QueryHandler(GetThreadSummaryQuery)
export class GetThreadSummaryHandler implements IQueryHandler<GetThreadSummaryQuery> {
  constructor(@Inject(THREAD_VIEW) private readonly view: ThreadView) {}
  execute(query: GetThreadSummaryQuery) {
    return this.view.summary(query.applicationId, query.contactId);
  }
}

@QueryHandler(ListThreadsQuery)
export class ListThreadsHandler implements IQueryHandler<ListThreadsQuery> {
  constructor(@Inject(THREAD_VIEW) private readonly view: ThreadView) {}
  execute(query: ListThreadsQuery) {
    return this.view.list(query.applicationId, query.request);
  }
}
