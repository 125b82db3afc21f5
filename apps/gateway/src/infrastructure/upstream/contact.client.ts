import {
  ContactPage,
  ContactView,
  ImportStatus,
  type ContactListQuery,
  type SetCustomAttributesBody,
  type SubmitPreChatFormBody,
  type UpdateProfileBody,
} from '@threadline/contracts';
import { segment, UpstreamClient } from './upstream.client';
import { UpstreamRefusal } from './upstream.errors';

/** The contact service's internal API (contacts, pre-chat, attributes, CSV imports). */
export class ContactClient {
  constructor(
    private readonly http: UpstreamClient,
    private readonly importTimeoutMs: number,
  ) {}

  async submitPreChat(body: SubmitPreChatFormBody, correlationId: string): Promise<void> {
    await this.http.request({
      method: 'POST',
      path: '/internal/contacts/pre-chat',
      body,
      headers: { 'x-correlation-id': correlationId },
    });
  }

  async updateProfile(
    applicationId: string,
    contactId: string,
    body: UpdateProfileBody,
    correlationId: string,
  ): Promise<void> {
    await this.http.request({
      method: 'PATCH',
      path: `/internal/contacts/${segment(applicationId)}/${segment(contactId)}/profile`,
      body,
      headers: { 'x-correlation-id': correlationId },
    });
  }

  async setAttributes(
    applicationId: string,
    contactId: string,
    body: SetCustomAttributesBody,
    correlationId: string,
  ): Promise<void> {
    await this.http.request({
      method: 'PATCH',
      path: `/internal/contacts/${segment(applicationId)}/${segment(contactId)}/attributes`,
      body,
      headers: { 'x-correlation-id': correlationId },
    });
  }

  async get(applicationId: string, contactId: string): Promise<ContactView> {
    const answer = await this.http.request({
      method: 'GET',
      path: `/internal/contacts/${segment(applicationId)}/${segment(contactId)}`,
      schema: ContactView,
    });
    return answer.body;
  }

  /** Null when the contact service has no such contact (yet). */
  async find(applicationId: string, contactId: string): Promise<ContactView | null> {
    try {
      return await this.get(applicationId, contactId);
    } catch (error) {
      if (error instanceof UpstreamRefusal && error.status === 404) return null;
      throw error;
    }
  }

  async list(applicationId: string, query: ContactListQuery): Promise<ContactPage> {
    const answer = await this.http.request({
      method: 'GET',
      path: `/internal/contacts/${segment(applicationId)}`,
      query: {
        q: query.q,
        authenticated: query.authenticated,
        cursor: query.cursor,
        limit: String(query.limit),
      },
      schema: ContactPage,
    });
    return answer.body;
  }

  /** Pipes the CSV through as it arrives: the gateway never holds the file. */
  async startImport(
    applicationId: string,
    csv: AsyncIterable<Uint8Array>,
    contentType: string,
    correlationId: string,
    signal?: AbortSignal,
  ): Promise<ImportStatus> {
    const answer = await this.http.request({
      method: 'POST',
      path: `/internal/contacts/${segment(applicationId)}/imports`,
      stream: { body: csv, contentType },
      headers: { 'x-correlation-id': correlationId },
      schema: ImportStatus,
      timeoutMs: this.importTimeoutMs,
      signal,
    });
    return answer.body;
  }

  async getImport(applicationId: string, importId: string): Promise<ImportStatus> {
    const answer = await this.http.request({
      method: 'GET',
      path: `/internal/contacts/${segment(applicationId)}/imports/${segment(importId)}`,
      schema: ImportStatus,
    });
    return answer.body;
  }
}
