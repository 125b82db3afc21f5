import { BadRequestException, NotFoundException } from '@nestjs/common';
import { bodyRefusalOf, INVALID_UTF8_TYPE } from './body-refusal';

const httpError = (status: number, props: Record<string, unknown>) =>
  Object.assign(new Error('from the HTTP layer'), {
    status,
    statusCode: status,
    expose: true,
    ...props,
  });

describe('bodyRefusalOf', () => {
  it('names invalid JSON without quoting the body, which may hold a secret', () => {
    // What Nest makes of body-parser's SyntaxError for the body `"s3cr3t-value"`.
    const parsed = new BadRequestException(
      `Unexpected token 's', ""s3cr3t-value"" is not valid JSON`,
    );
    const refusal = bodyRefusalOf(parsed);
    expect(refusal).toEqual({
      statusCode: 400,
      error: 'INVALID_JSON',
      field: '(body)',
      message: "(body): is not a valid JSON object or array (Unexpected token 's')",
    });
    expect(JSON.stringify(refusal)).not.toContain('s3cr3t');
    expect(bodyRefusalOf(new BadRequestException('Unexpected end of JSON input'))?.message).toBe(
      '(body): is not a valid JSON object or array (Unexpected end of JSON input)',
    );
  });

  it('maps each body-parser failure to its 4xx and the header or body it concerns', () => {
    const cases: [unknown, number, string, string][] = [
      [
        httpError(413, { type: 'entity.too.large', limit: 102400 }),
        413,
        'PAYLOAD_TOO_LARGE',
        '(body)',
      ],
      [httpError(400, { type: INVALID_UTF8_TYPE }), 400, 'INVALID_BODY', '(body)'],
      [
        httpError(415, { type: 'charset.unsupported', charset: 'klingon' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'content-type',
      ],
      [
        httpError(415, { type: 'encoding.unsupported', encoding: 'br2' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'content-encoding',
      ],
      [httpError(400, { code: 'Z_DATA_ERROR' }), 400, 'INVALID_BODY', 'content-encoding'],
      [
        httpError(400, { code: 'ERR__ERROR_FORMAT_PADDING_2' }),
        400,
        'INVALID_BODY',
        'content-encoding',
      ],
      [httpError(400, { type: 'request.aborted' }), 400, 'INVALID_BODY', '(body)'],
      [httpError(400, { type: 'something.new' }), 400, 'INVALID_REQUEST', '(body)'],
      [new BadRequestException("Failed to decode param '%ff'"), 400, 'INVALID_PATH', '(path)'],
    ];
    for (const [error, statusCode, code, field] of cases) {
      expect(bodyRefusalOf(error)).toEqual({
        statusCode,
        error: code,
        field,
        message: expect.stringMatching(new RegExp(`^${field.replace(/[()]/g, '\\$&')}: `)),
      });
    }
  });

  it('leaves every other error to Nest: our own 4xx, 404s, server errors', () => {
    const ours = new BadRequestException({
      statusCode: 400,
      error: 'VALIDATION_FAILED',
      message: 'x: y',
    });
    for (const error of [
      ours,
      new NotFoundException('Cannot GET /x'),
      new Error('boom'),
      httpError(500, { type: 'stream.not.readable' }),
      Object.assign(new Error('hidden'), { status: 400, expose: false }),
      'a string',
      null,
    ]) {
      expect(bodyRefusalOf(error)).toBeUndefined();
    }
  });
});
