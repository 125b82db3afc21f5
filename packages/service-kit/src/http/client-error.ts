import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';

const problems: Record<string, string> = {
  HPE_HEADER_OVERFLOW: 'the request headers are too large',
  HPE_INVALID_HEADER_TOKEN: 'a header name or value has a character HTTP does not allow',
  HPE_INVALID_METHOD: 'the method is not a valid HTTP method',
  HPE_INVALID_URL: 'the request target is not a valid URL',
  HPE_INVALID_VERSION: 'the HTTP version is not valid',
  HPE_INVALID_CONTENT_LENGTH: 'content-length is not valid',
  HPE_UNEXPECTED_CONTENT_LENGTH: 'content-length and transfer-encoding are both set',
  HPE_INVALID_TRANSFER_ENCODING: 'transfer-encoding is not valid',
  HPE_INVALID_CHUNK_SIZE: 'a chunk size is not valid',
  ERR_HTTP_REQUEST_TIMEOUT: 'the request took too long to arrive',
};

/**
 * Requests Node's HTTP parser refuses never reach Nest: answer them, like every other refusal, with
 * JSON naming the problem instead of Node's empty 400. The raw packet is neither echoed nor logged.
 */
export function answerMalformedRequests(server: Pick<Server, 'on'>): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const code = error.code ?? 'HPE_UNKNOWN';
    const statusCode =
      code === 'HPE_HEADER_OVERFLOW' ? 431 : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = JSON.stringify({
      statusCode,
      error: 'MALFORMED_REQUEST',
      message: `request: ${problems[code] ?? 'is not valid HTTP/1.1'} (${code})`,
    });
    socket.end(
      `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
