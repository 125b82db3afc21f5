import {
  AdminErrorBody,
  ApplicationList,
  ApplicationView,
  CreatedAgent,
  CreatedApplication,
  OrganizationView,
  type CreateAgentBody,
  type RegisterApplicationBody,
  type RegisterOrganizationBody,
} from '@threadline/contracts';
import type { z } from 'zod';

export const DEFAULT_IDENTITY_URL = 'http://127.0.0.1:3001';

/** A 4xx or 5xx from the identity service, with its stable code and the field at fault. */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

/** The identity service could not be reached at all. */
export class AdminUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    super(
      `identity service unreachable at ${url}: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'AdminUnreachableError';
  }
}

/**
 * The identity service's internal admin API over HTTP. Operator tools use it instead of the
 * database: no tool but the owning service touches a service's data.
 */
export class IdentityAdminClient {
  constructor(
    readonly baseUrl: string = DEFAULT_IDENTITY_URL,
    private readonly timeoutMs = 15_000,
  ) {}

  registerOrganization(body: RegisterOrganizationBody): Promise<OrganizationView> {
    return this.call('POST', '/internal/organizations', OrganizationView, body);
  }

  registerApplication(body: RegisterApplicationBody): Promise<CreatedApplication> {
    return this.call('POST', '/internal/applications', CreatedApplication, body);
  }

  createAgent(body: CreateAgentBody): Promise<CreatedAgent> {
    return this.call('POST', '/internal/agents', CreatedAgent, body);
  }

  getApplication(applicationId: string, domain?: string): Promise<ApplicationView> {
    const query = domain ? `?domain=${encodeURIComponent(domain)}` : '';
    return this.call(
      'GET',
      `/internal/applications/${encodeURIComponent(applicationId)}${query}`,
      ApplicationView,
    );
  }

  listApplications(domain: string): Promise<ApplicationList> {
    return this.call(
      'GET',
      `/internal/applications?domain=${encodeURIComponent(domain)}`,
      ApplicationList,
    );
  }

  private async call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.output<S>> {
    const url = `${this.baseUrl.replace(/\/$/, '')}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new AdminUnreachableError(this.baseUrl, error);
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const parsed = AdminErrorBody.safeParse(json);
      throw parsed.success
        ? new AdminApiError(
            response.status,
            parsed.data.error,
            parsed.data.message,
            parsed.data.field,
          )
        : new AdminApiError(
            response.status,
            `HTTP_${response.status}`,
            text.slice(0, 500) || response.statusText,
          );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new AdminApiError(
        response.status,
        'UNEXPECTED_RESPONSE',
        `unexpected answer from ${method} ${path}`,
      );
    }
    return parsed.data;
  }
}
