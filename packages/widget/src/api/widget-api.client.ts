import { apiErrorOf } from '../shared/api-error';
import type {
  SentMessage,
  ThreadPage,
  WidgetInitInput,
  WidgetSession,
} from '../shared/gateway-types';

export interface ProfileUpdate {
  email?: string;
  name?: string;
  phone?: string;
  company?: string;
}

/** The gateway's widget routes (`/api/widget/*`); every answer but 2xx throws an `ApiError`. */
export class WidgetApiClient {
  private token?: string;

  constructor(private readonly origin: string) {}

  useSession(token: string | undefined): void {
    this.token = token;
  }

  init(body: WidgetInitInput): Promise<WidgetSession> {
    return this.call('POST', '/api/widget/init', body, false);
  }

  logout(): Promise<void> {
    return this.call('POST', '/api/widget/logout');
  }

  messages(query: { before?: string; after?: string; limit?: number }): Promise<ThreadPage> {
    const params = new URLSearchParams();
    if (query.before) params.set('before', query.before);
    if (query.after) params.set('after', query.after);
    if (query.limit) params.set('limit', String(query.limit));
    return this.call('GET', `/api/widget/messages?${params}`);
  }

  send(clientMessageId: string, text: string): Promise<SentMessage> {
    return this.call('POST', '/api/widget/messages', { clientMessageId, text });
  }

  markRead(upTo: string): Promise<void> {
    return this.call('POST', '/api/widget/read', { upTo });
  }

  submitPreChat(name: string, email: string): Promise<void> {
    return this.call('POST', '/api/widget/pre-chat', { name, email });
  }

  updateUser(profile: ProfileUpdate): Promise<void> {
    return this.call('PATCH', '/api/widget/user', profile);
  }

  updateUserData(data: Record<string, unknown>): Promise<void> {
    return this.call('PATCH', '/api/widget/user-data', data);
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
    authorized = true,
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (authorized && this.token) headers.authorization = `Bearer ${this.token}`;
    const response = await fetch(`${this.origin}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
    });
    if (!response.ok) throw await apiErrorOf(response);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
