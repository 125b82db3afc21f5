import { Injectable, type NestMiddleware } from '@nestjs/common';

interface CorsRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}
interface CorsResponse {
  setHeader(name: string, value: string): void;
  getHeader(name: string): unknown;
  status(code: number): { end(): void };
}

/**
 * Widget routes are called from businesses' pages. Preflights are answered for any origin (they
 * carry no token, so no application to look up); the real request is then checked against its
 * application's allowed origins (`WidgetOrigins`), which removes this header when it refuses.
 */
@Injectable()
export class WidgetCorsMiddleware implements NestMiddleware {
  use(request: CorsRequest, response: CorsResponse, next: () => void): void {
    const origin = request.headers.origin;
    if (typeof origin === 'string') {
      response.setHeader('Access-Control-Allow-Origin', origin);
      const vary = response.getHeader('Vary');
      response.setHeader('Vary', vary ? `${String(vary)}, Origin` : 'Origin');
      response.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    }
    if (request.method === 'OPTIONS') {
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, OPTIONS');
      response.setHeader(
        'Access-Control-Allow-Headers',
        'Authorization, Content-Type, X-Correlation-Id',
      );
      response.setHeader('Access-Control-Max-Age', '600');
      response.status(204).end();
      return;
    }
    next();
  }
}
