import { Readable } from 'node:stream';
import { request as send, type Dispatcher } from 'undici';
import { z } from 'zod';
import {
  UpstreamInvalidAnswer,
  UpstreamRefusal,
  UpstreamUnavailable,
  type UpstreamName,
  type UpstreamRefusalBody,
} from './upstream.errors';

const RefusalBody = z.object({
  statusCode: z.number().int().optional(),
  error: z.string().max(100).optional(),
  message: z.union([z.string(), z.array(z.string())]).optional(),
  field: z.string().max(300).optional(),
  reason: z.string().max(100).optional(),
  issues: z
    .array(z.object({ field: z.string(), message: z.string() }))
    .max(100)
    .optional(),
  mergedInto: z.string().max(300).optional(),
});

export interface UpstreamRequest<S extends z.ZodType | undefined> {
  method: 'GET' | 'POST' | 'PATCH';
  /** Already encoded, starting with `/`. */
  path: string;
  query?: Record<string, string | undefined>;
  /** JSON, or a stream that is piped through as it arrives. */
  body?: unknown;
  stream?: { body: AsyncIterable<Uint8Array>; contentType: string };
  headers?: Record<string, string | undefined>;
  /** Validates a 2xx answer with a body; undefined for 204s. */
  schema?: S;
  timeoutMs?: number;
  /** Aborts the request, e.g. when the caller went away. */
  signal?: AbortSignal;
}

export interface UpstreamAnswer<T> {
  status: number;
  body: T;
}

/** Path segments from callers are always encoded, so `/` or `..` in an id cannot move the route. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

/**
 * A typed call to one internal API: 2xx answers are validated with zod (502 when off-contract),
 * 4xx become `UpstreamRefusal` with the same status and reason, and outages `UpstreamUnavailable`.
 */
export class UpstreamClient {
  constructor(
    readonly name: UpstreamName,
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  async request<S extends z.ZodType | undefined = undefined>(
    request: UpstreamRequest<S>,
  ): Promise<UpstreamAnswer<S extends z.ZodType ? z.output<S> : undefined>> {
    const url = new URL(request.path, this.baseUrl);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, value);
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    for (const [key, value] of Object.entries(request.headers ?? {})) {
      if (value !== undefined) headers[key] = value;
    }
    let body: Dispatcher.RequestOptions['body'];
    if (request.stream) {
      headers['content-type'] = request.stream.contentType;
      body = Readable.from(request.stream.body, { objectMode: false });
    } else if (request.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.body);
    }
    const timeout = AbortSignal.timeout(request.timeoutMs ?? this.timeoutMs);
    const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;

    // undici's own request API rather than fetch: no WHATWG streams in between, which cost the
    // gateway about a third of its CPU per relayed message.
    let response: Dispatcher.ResponseData;
    try {
      response = await send(url, { method: request.method, headers, body, signal });
    } catch (error) {
      throw new UpstreamUnavailable(this.name, describe(error));
    }
    const status = response.statusCode;
    if (status >= 500) {
      await response.body.dump().catch(() => undefined);
      throw new UpstreamUnavailable(this.name, `answered ${status}`);
    }
    const text = await response.body.text().catch((error: unknown) => {
      throw new UpstreamUnavailable(this.name, describe(error));
    });
    if (status >= 400) {
      const retryAfter = response.headers['retry-after'];
      throw new UpstreamRefusal(
        this.name,
        status,
        refusalBody(status, text),
        Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
      );
    }
    if (!request.schema) {
      return { status, body: undefined as never };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new UpstreamInvalidAnswer(this.name, `${request.method} ${request.path}: not JSON`);
    }
    const parsed = request.schema.safeParse(json);
    if (!parsed.success) {
      throw new UpstreamInvalidAnswer(
        this.name,
        `${request.method} ${url.pathname}: ${parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.')}: ${i.message}`)
          .join('; ')}`,
      );
    }
    return { status, body: parsed.data as never };
  }
}

function refusalBody(status: number, text: string): UpstreamRefusalBody {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = {};
  }
  const parsed = RefusalBody.safeParse(raw);
  const body = parsed.success ? parsed.data : {};
  const message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
  return {
    statusCode: status,
    error: body.error ?? `HTTP_${status}`,
    message: message ?? 'refused',
    ...(body.field !== undefined && { field: body.field }),
    ...(body.reason !== undefined && { reason: body.reason }),
    ...(body.issues !== undefined && { issues: body.issues }),
    ...(body.mergedInto !== undefined && { mergedInto: body.mergedInto }),
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const { code, cause } = error as { code?: string; cause?: { code?: string } };
    const reason = cause?.code ?? code;
    return reason ? `${error.name}: ${reason}` : `${error.name}: ${error.message}`;
  }
  return String(error);
}
