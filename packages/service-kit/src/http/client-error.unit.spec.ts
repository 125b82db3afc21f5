import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { answerMalformedRequests } from './client-error';

function answerTo(code: string | undefined): { text: string; ended: boolean } {
  const server = new EventEmitter();
  answerMalformedRequests(server as never);
  const socket = new PassThrough();
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  server.emit('clientError', Object.assign(new Error('parse error'), { code }), socket);
  return { text: Buffer.concat(chunks).toString('utf8'), ended: socket.writableEnded };
}

describe('answerMalformedRequests', () => {
  it('answers a request Node cannot parse with a JSON 400 naming the problem, and closes', () => {
    const { text, ended } = answerTo('HPE_INVALID_HEADER_TOKEN');
    const [head, body] = text.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toContain('Connection: close');
    expect(JSON.parse(body ?? '')).toEqual({
      statusCode: 400,
      error: 'MALFORMED_REQUEST',
      message:
        'request: a header name or value has a character HTTP does not allow (HPE_INVALID_HEADER_TOKEN)',
    });
    expect(ended).toBe(true);
  });

  it('uses 431 for oversized headers and 408 for a request that never completes', () => {
    expect(answerTo('HPE_HEADER_OVERFLOW').text).toMatch(/^HTTP\/1\.1 431 /);
    expect(answerTo('ERR_HTTP_REQUEST_TIMEOUT').text).toMatch(/^HTTP\/1\.1 408 /);
    expect(answerTo(undefined).text).toContain('(HPE_UNKNOWN)');
  });

  it('writes nothing to a connection the client already reset', () => {
    expect(answerTo('ECONNRESET').text).toBe('');
  });
});
