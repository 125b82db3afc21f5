import { ForbiddenException, Injectable } from '@nestjs/common';
import { ApplicationDirectory } from '../../application/tenancy/application-directory.service';
import { originAllowed } from './origin-policy';
import type { GatewayRequest } from './request-context';

interface HeaderResponse {
  removeHeader(name: string): void;
}

/**
 * CORS for the widget API, enforced by the gateway, not only by browsers: a request from an origin
 * its application does not allow is refused (403) before anything is read or written, and gets no
 * `Access-Control-Allow-Origin`, so the page cannot read even the refusal.
 */
@Injectable()
export class WidgetOrigins {
  constructor(private readonly directory: ApplicationDirectory) {}

  /** `applicationId` unknown to identity: nothing to check here, identity answers 401 itself. */
  async check(
    request: GatewayRequest,
    response: HeaderResponse,
    applicationId: string,
  ): Promise<void> {
    const origin = request.headers.origin;
    if (typeof origin !== 'string') return;
    const app = await this.directory.find(applicationId);
    if (!app || originAllowed(origin, app.allowedOrigins, request.get('host'))) return;
    response.removeHeader('Access-Control-Allow-Origin');
    throw new ForbiddenException({
      statusCode: 403,
      error: 'ORIGIN_NOT_ALLOWED',
      message: `origin: ${origin} is not an allowed origin of application ${applicationId}`,
      field: 'origin',
    });
  }
}
