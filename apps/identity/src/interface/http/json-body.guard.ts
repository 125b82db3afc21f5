import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  UnsupportedMediaTypeException,
} from '@nestjs/common';

interface RequestHeaders {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Every body this service reads is JSON (S18). A body sent as anything else (a form, text, no
 * content-type) is a 415 naming the header, not a 400 about a body the parser silently skipped.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
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
