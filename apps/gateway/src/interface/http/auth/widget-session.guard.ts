import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { bearerTokenOf } from '../../../application/auth/token-kind';
import { WidgetSessions } from '../../../application/auth/widget-sessions.service';
import { WidgetOrigins } from '../widget-origins.service';
import type { GatewayRequest } from '../request-context';

/**
 * Widget routes: a device session token that identity verifies (S8), used from an origin its
 * application allows. The contact comes from the session, never from the request.
 */
@Injectable()
export class WidgetSessionGuard implements CanActivate {
  constructor(
    private readonly sessions: WidgetSessions,
    private readonly origins: WidgetOrigins,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<GatewayRequest>();
    const token = bearerTokenOf(request.headers.authorization);
    if (!token) {
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'UNAUTHENTICATED',
        message: 'authorization: a Bearer session token from POST /api/widget/init is required',
        field: 'authorization',
      });
    }
    const principal = await this.sessions.verify(token);
    if (!principal) {
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'SESSION_REJECTED',
        message: 'the session token is not valid: malformed, forged, expired or ended (logout)',
      });
    }
    await this.origins.check(request, http.getResponse(), principal.applicationId);
    request.widget = principal;
    return true;
  }
}
