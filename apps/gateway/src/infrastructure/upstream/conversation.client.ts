import {
  AcceptedSentMessage,
  ThreadList,
  ThreadPage,
  type ThreadListQuery,
  type MarkThreadReadBody,
  type SendMessageBody,
} from '@threadline/contracts';
import { segment, UpstreamClient } from './upstream.client';

export interface PageRequest {
  before?: string;
  after?: string;
  limit?: number;
}

/** The conversation service's internal API (threads and messages). */
export class ConversationClient {
  constructor(private readonly http: UpstreamClient) {}

  /** 201 for a new message, with its commit's position; 200 for a retried `clientMessageId`. */
  async send(body: SendMessageBody, correlationId: string) {
    const answer = await this.http.request({
      method: 'POST',
      path: '/internal/threads/messages',
      body,
      headers: { 'x-correlation-id': correlationId },
      schema: AcceptedSentMessage,
    });
    return { status: answer.status === 200 ? 200 : 201, sent: answer.body };
  }

  async page(applicationId: string, contactId: string, page: PageRequest): Promise<ThreadPage> {
    const answer = await this.http.request({
      method: 'GET',
      path: `/internal/threads/${segment(applicationId)}/${segment(contactId)}/messages`,
      query: {
        before: page.before,
        after: page.after,
        limit: page.limit === undefined ? undefined : String(page.limit),
      },
      schema: ThreadPage,
    });
    return answer.body;
  }

  /** An application's threads, latest message first (the agents' inbox). */
  async list(applicationId: string, query: ThreadListQuery): Promise<ThreadList> {
    const answer = await this.http.request({
      method: 'GET',
      path: `/internal/threads/${segment(applicationId)}`,
      query: { before: query.before, limit: String(query.limit) },
      schema: ThreadList,
    });
    return answer.body;
  }

  async markRead(body: MarkThreadReadBody, correlationId: string): Promise<void> {
    await this.http.request({
      method: 'POST',
      path: '/internal/threads/read',
      body,
      headers: { 'x-correlation-id': correlationId },
    });
  }
}
