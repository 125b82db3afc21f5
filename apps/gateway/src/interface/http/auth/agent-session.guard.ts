import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { ApplicationId } from '@threadline/contracts';
import { validationFailed } from '@threadline/service-kit';
import { AgentSessions } from '../../../application/auth/agent-sessions.service';
import { bearerTokenOf } from '../../../application/auth/token-kind';
import { ApplicationDirectory } from '../../../application/tenancy/application-directory.service';
import type { GatewayRequest } from '../request-context';

/**
 * Agent routes: an agent token that identity verifies, and an `:app` of the agent's own
 * organization; any other application is 404, as if it did not exist (S17).
 */
@Injectable()
export class AgentSessionGuard implements CanActivate {
  constructor(
    private readonly sessions: AgentSessions,
    private readonly directory: ApplicationDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    const token = bearerTokenOf(request.headers.authorization);
    if (!token) {
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'UNAUTHENTICATED',
        message: 'authorization: a Bearer agent token from POST /api/agent/sign-in is required',
        field: 'authorization',
      });
    }
    const agent = await this.sessions.verify(token);
    if (!agent) {
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'AGENT_TOKEN_REJECTED',
        message: 'the agent token is not valid: malformed, forged or expired; sign in again',
      });
    }
    request.agent = agent;
    const app = request.params.app;
    if (app === undefined) return true;
    if (!ApplicationId.safeParse(app).success) {
      throw validationFailed([{ field: 'app', message: 'must be an application id' }]);
    }
    const application = await this.directory.findInOrganization(app, agent.organizationDomain);
    if (!application) {
      throw new NotFoundException({
        statusCode: 404,
        error: 'APPLICATION_NOT_FOUND',
        message: `app: no application ${app} in your organization`,
        field: 'app',
      });
    }
    request.application = application;
    return true;
  }
}
