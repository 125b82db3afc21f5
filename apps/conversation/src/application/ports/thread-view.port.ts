import type { ThreadList, ThreadPage, ThreadSummary } from '@threadline/contracts';

export interface PageRequest {
  before?: string;
  after?: string;
  limit: number;
}

/** The per-thread read model (projections `threads` and `thread-messages`). */
export interface ThreadView {
  /** Oldest first; an unknown thread is an empty page (S13). */
  page(applicationId: string, contactId: string, request: PageRequest): Promise<ThreadPage>;
  summary(applicationId: string, contactId: string): Promise<ThreadSummary>;
  /** An application's threads with messages, newest last message first. */
  list(applicationId: string, request: { before?: string; limit: number }): Promise<ThreadList>;
}

export const THREAD_VIEW = Symbol('THREAD_VIEW');
