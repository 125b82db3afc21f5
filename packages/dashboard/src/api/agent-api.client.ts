import { apiErrorOf } from '@threadline/widget/shared/api-error';
import type {
  AgentSession,
  ContactPage,
  ContactView,
  CustomAttributeValue,
  ImportStatus,
  SentMessage,
  ThreadPage,
} from '../lib/agent-types';

export interface ContactQuery {
  q?: string;
  authenticated?: 'true' | 'false';
  cursor?: string;
  limit?: number;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * The gateway's agent routes (`/api/agent/*`), on the origin that served the dashboard. A 401
 * means the sign-in is over: `onUnauthorized` sends the agent back to sign in.
 */
export class AgentApiClient {
  constructor(
    private readonly token: string,
    private readonly onUnauthorized: () => void,
    private readonly origin = '',
  ) {}

  static async signIn(
    body: { organizationDomain: string; email: string; password: string },
    origin = '',
  ): Promise<AgentSession> {
    const response = await fetch(`${origin}/api/agent/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw await apiErrorOf(response);
    return (await response.json()) as AgentSession;
  }

  contacts(app: string, params: ContactQuery, signal?: AbortSignal): Promise<ContactPage> {
    return this.call(
      'GET',
      `${this.appPath(app)}/contacts${query({ ...params })}`,
      undefined,
      signal,
    );
  }

  contact(app: string, contactId: string, signal?: AbortSignal): Promise<ContactView> {
    return this.call('GET', this.contactPath(app, contactId), undefined, signal);
  }

  setAttributes(
    app: string,
    contactId: string,
    attributes: Record<string, CustomAttributeValue | null>,
  ): Promise<void> {
    return this.call('PATCH', `${this.contactPath(app, contactId)}/attributes`, { attributes });
  }

  messages(
    app: string,
    contactId: string,
    params: { before?: string; after?: string; limit?: number },
  ): Promise<ThreadPage> {
    return this.call('GET', `${this.contactPath(app, contactId)}/messages${query(params)}`);
  }

  send(
    app: string,
    contactId: string,
    clientMessageId: string,
    text: string,
  ): Promise<SentMessage> {
    return this.call('POST', `${this.contactPath(app, contactId)}/messages`, {
      clientMessageId,
      text,
    });
  }

  markRead(app: string, contactId: string, upTo: string): Promise<void> {
    return this.call('POST', `${this.contactPath(app, contactId)}/read`, { upTo });
  }

  importStatus(app: string, importId: string, signal?: AbortSignal): Promise<ImportStatus> {
    return this.call(
      'GET',
      `${this.appPath(app)}/imports/${encodeURIComponent(importId)}`,
      undefined,
      signal,
    );
  }

  /** Where a CSV import is posted; `upload-csv.ts` streams the file there. */
  importUrl(app: string): string {
    return `${this.origin}${this.appPath(app)}/imports`;
  }

  get bearer(): string {
    return `Bearer ${this.token}`;
  }

  unauthorized(): void {
    this.onUnauthorized();
  }

  private appPath(app: string): string {
    return `/api/agent/applications/${encodeURIComponent(app)}`;
  }

  private contactPath(app: string, contactId: string): string {
    return `${this.appPath(app)}/contacts/${encodeURIComponent(contactId)}`;
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
    signal?: AbortSignal,
  ): Promise<T> {
    const headers: Record<string, string> = { authorization: this.bearer };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.origin}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    if (response.status === 401) this.onUnauthorized();
    if (!response.ok) throw await apiErrorOf(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}
