import {
  AgentSession,
  ApplicationView,
  UserProfile,
  type WidgetInitBody,
} from '@threadline/contracts';
import { z } from 'zod';
import { segment, UpstreamClient } from './upstream.client';
import { UpstreamRefusal } from './upstream.errors';

const IssuedSession = {
  sessionId: z.string(),
  sessionToken: z.string(),
  expiresAt: z.iso.datetime(),
  deviceToken: z.string(),
};

/** `POST /internal/widget/auth` answers (identity's `WidgetAuthentication`). */
export const IdentityWidgetAuth = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('user'),
    userId: z.string(),
    displayName: z.string(),
    profile: UserProfile,
    verifiedBy: z.string().optional(),
    ...IssuedSession,
  }),
  z.object({
    mode: z.literal('visitor'),
    visitorId: z.string(),
    generatedName: z.string(),
    preChatForm: z.object({ name: z.string().optional(), email: z.string().optional() }),
    ...IssuedSession,
  }),
]);
export type IdentityWidgetAuth = z.infer<typeof IdentityWidgetAuth>;

/** `POST /internal/sessions/verify`. */
export const SessionClaims = z.object({
  sessionId: z.string(),
  applicationId: z.string(),
  subject: z.object({ kind: z.enum(['user', 'visitor']), id: z.string() }),
  deviceId: z.string(),
  expiresAt: z.iso.datetime(),
});
export type SessionClaims = z.infer<typeof SessionClaims>;

/** `POST /internal/agents/verify`. */
export const AgentClaims = z.object({
  agentId: z.string(),
  organizationDomain: z.string(),
  email: z.string(),
  name: z.string(),
  expiresAt: z.iso.datetime(),
});
export type AgentClaims = z.infer<typeof AgentClaims>;

export interface CallContext {
  correlationId: string;
  clientAddress?: string;
}

/** The identity service's internal API as the gateway uses it. */
export class IdentityClient {
  constructor(private readonly http: UpstreamClient) {}

  async authenticateWidget(
    body: WidgetInitBody,
    context: CallContext,
  ): Promise<IdentityWidgetAuth> {
    const answer = await this.http.request({
      method: 'POST',
      path: '/internal/widget/auth',
      body,
      headers: {
        'x-correlation-id': context.correlationId,
        'x-client-address': context.clientAddress,
      },
      schema: IdentityWidgetAuth,
    });
    return answer.body;
  }

  /** Null when identity refuses the token (401): malformed, forged, expired or ended. */
  verifySession(token: string): Promise<SessionClaims | null> {
    return this.verify('/internal/sessions/verify', token, SessionClaims);
  }

  verifyAgent(token: string): Promise<AgentClaims | null> {
    return this.verify('/internal/agents/verify', token, AgentClaims);
  }

  async endSession(token: string, correlationId: string): Promise<void> {
    await this.http.request({
      method: 'POST',
      path: '/internal/sessions/end',
      body: { token },
      headers: { 'x-correlation-id': correlationId },
    });
  }

  async signInAgent(
    body: { organizationDomain: string; email: string; password: string },
    context: CallContext,
  ): Promise<AgentSession> {
    const answer = await this.http.request({
      method: 'POST',
      path: '/internal/agents/sign-in',
      body,
      headers: {
        'x-correlation-id': context.correlationId,
        'x-client-address': context.clientAddress,
      },
      schema: AgentSession,
    });
    return answer.body;
  }

  /** Null when no such application exists (in that organization, when one is named). */
  async findApplication(
    applicationId: string,
    organizationDomain?: string,
  ): Promise<ApplicationView | null> {
    try {
      const answer = await this.http.request({
        method: 'GET',
        path: `/internal/applications/${segment(applicationId)}`,
        query: { domain: organizationDomain },
        schema: ApplicationView,
      });
      return answer.body;
    } catch (error) {
      if (error instanceof UpstreamRefusal && (error.status === 404 || error.status === 400)) {
        return null;
      }
      throw error;
    }
  }

  private async verify<S extends z.ZodType>(
    path: string,
    token: string,
    schema: S,
  ): Promise<z.output<S> | null> {
    try {
      const answer = await this.http.request({ method: 'POST', path, body: { token }, schema });
      return answer.body as z.output<S>;
    } catch (error) {
      if (error instanceof UpstreamRefusal && (error.status === 401 || error.status === 400)) {
        return null;
      }
      throw error;
    }
  }
}
