import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';

interface RequestHeaders {
  headers: Record<string, string | string[] | undefined>;
}

const READS_OWN_BODY = 'threadline:reads-own-body';

/**
 * Marks a route that reads a body other than JSON itself (a CSV upload) and checks its
 * content-type there; `JsonBodyGuard` lets it through.
 */
export const ReadsOwnBody = () => SetMetadata(READS_OWN_BODY, true);

/**
 * Every body a service reads is JSON (S18). A body sent as anything else (a form, text, no
 * content-type) is a 415 naming the header, not a 400 about a body the parser silently skipped,
 * nor a form Express would parse and the route accept. Register it as the app's `APP_GUARD`.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector = new Reflector()) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    if (this.reflector.get<boolean>(READS_OWN_BODY, context.getHandler())) return true;
    const { headers } = context.switchToHttp().getRequest<RequestHeaders>();
    const length = Number(headers['content-length'] ?? 0);
    const hasBody = headers['transfer-encoding'] !== undefined || length > 0;
    const contentType = String(headers['content-type'] ?? '');
    const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
    if (!hasBody || mediaType === 'application/json') return true;
    throw new UnsupportedMediaTypeException({
      statusCode: 415,
      error: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'content-type: must be application/json',
      field: 'content-type',
    });
  }
}
