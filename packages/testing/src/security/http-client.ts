import { connect } from 'node:net';

/** An answer as a test sees it; `json` is undefined when the body is not JSON. */
export interface Answer {
  status: number;
  text: string;
  json: Record<string, unknown> | undefined;
  headers: Headers | Map<string, string>;
  ms: number;
}

/** A request that takes longer than this is a hang, and fails the test. */
export const ANSWER_TIMEOUT_MS = 10_000;

function parsed(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export interface RequestOptions {
  method?: string;
  /** A value is sent as JSON; a string or bytes are sent as they are. */
  body?: unknown;
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
}

export async function request(
  base: string,
  path: string,
  options: RequestOptions = {},
): Promise<Answer> {
  const started = Date.now();
  const hasJson = options.body !== undefined;
  const body = options.raw ?? (hasJson ? JSON.stringify(options.body) : undefined);
  const response = await fetch(`${base}${path}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(hasJson ? { 'content-type': 'application/json' } : {}),
      ...options.headers,
    },
    body,
    signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
  }).catch((error: unknown) => {
    throw new Error(
      `${options.method ?? 'POST'} ${path.slice(0, 120)} got no answer: ${String(error)}`,
    );
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    json: parsed(text),
    headers: response.headers,
    ms: Date.now() - started,
  };
}

const HALF_CLOSE_AFTER_MS = 2_000;

/** Whether `received` holds a whole first answer: its head and `Content-Length` bytes of body. */
function completeAnswer(received: Buffer): boolean {
  const headEnd = received.indexOf('\r\n\r\n');
  if (headEnd < 0) return false;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(
    received.subarray(0, headEnd).toString('latin1'),
  );
  return length !== null && received.length - headEnd - 4 >= Number(length[1]);
}

/**
 * Sends bytes as they are over TCP, for requests `fetch` refuses to build (bad header names,
 * control characters, broken framing), and reads the answer until the server closes.
 */
export async function rawRequest(base: string, bytes: Uint8Array): Promise<Answer> {
  const { hostname, port } = new URL(base);
  const started = Date.now();
  const received = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const done = () => {
      clearTimeout(timer);
      clearTimeout(halfClose);
      resolve(Buffer.concat(chunks));
    };
    // Node's HTTP server drops pending requests of a client that half-closes at once, so the
    // bytes go first; only a request still unanswered after a while gets the end of the stream,
    // which makes the server finish a truncated one.
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    const halfClose = setTimeout(() => socket.end(), HALF_CLOSE_AFTER_MS);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(
        new Error(
          `raw request of ${bytes.length} bytes got no complete answer in ${ANSWER_TIMEOUT_MS} ms`,
        ),
      );
    }, ANSWER_TIMEOUT_MS);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (completeAnswer(Buffer.concat(chunks))) {
        socket.destroy();
        done();
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      clearTimeout(halfClose);
      reject(error);
    });
    socket.on('close', done);
  });
  const text = received.toString('utf8');
  const [head = '', ...rest] = text.split('\r\n\r\n');
  const [statusLine = '', ...headerLines] = head.split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers = new Map(
    headerLines.map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()] as [
        string,
        string,
      ];
    }),
  );
  // Only the first answer: bytes after a short Content-Length are a second request to the server.
  const length = Number(headers.get('content-length'));
  const all = Buffer.from(rest.join('\r\n\r\n'), 'utf8');
  const body = (Number.isInteger(length) ? all.subarray(0, length) : all).toString('utf8');
  return { status, text: body, json: parsed(body), headers, ms: Date.now() - started };
}
