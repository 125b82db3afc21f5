import fc from 'fast-check';

/** One generated input to one entry point; how it goes on the wire is the runner's business. */
export interface BadInput {
  kind: string;
  /** Path parameters, already percent-encoded. */
  params?: Record<string, string>;
  /** The query string without `?`, already encoded. */
  query?: string;
  /** A JSON value to send as the body. */
  body?: unknown;
  /** Bytes or text sent as the body as they are (with `application/json` unless told). */
  raw?: Uint8Array | string;
  headers?: Record<string, string>;
}

export const BODY_LIMIT_BYTES = 100 * 1024;

const anyJson = fc.jsonValue({ maxDepth: 3 });

/** Lone surrogates: valid JSON (`"\ud800"`), invalid Unicode, and lossy in BSON. */
const loneSurrogates = fc
  .array(fc.integer({ min: 0xd800, max: 0xdfff }), { minLength: 1, maxLength: 3 })
  .map((units) => `a${String.fromCharCode(...units)}`);

/** Strings that have broken parsers and stores before: long, control characters, operators. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  loneSurrogates,
  fc.integer({ min: 256, max: 20_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 70_000, max: 99_000 }).map((n) => 'y'.repeat(n)),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u202e\u0000',
    '\r\n',
    '💥'.repeat(300),
    '__proto__',
    'constructor',
    '$gt',
    '{"$ne":null}',
    'a.b',
    '../../etc/passwd',
    '%00',
    'null',
    '1e309',
    '-0',
    "' OR 1=1 --",
    '<script>alert(1)</script>',
  ),
);

/** Header values `fetch` will send: visible ASCII, inner spaces. */
export const headerValue = fc.oneof(
  fc.stringMatching(/^[!-~]([ -~]{0,60}[!-~])?$/),
  fc.constantFrom(
    '::1',
    '127.0.0.1',
    '999.1.1.1',
    '1.2.3.4, 5.6.7.8',
    '::ffff:10.0.0.1',
    'a'.repeat(4000),
  ),
);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Each field kept, dropped, retyped, made hostile or (for objects) mutated inside, plus extras. */
export function mutated(template: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.entries(template).map(([key, value]) =>
    fc
      .oneof(
        { weight: 4, arbitrary: fc.constant<{ value?: unknown }>({ value }) },
        { weight: 1, arbitrary: fc.constant<{ value?: unknown }>({}) },
        { weight: 1, arbitrary: anyJson.map((v) => ({ value: v })) },
        { weight: 2, arbitrary: hostileString.map((v) => ({ value: v })) },
        ...(isPlainObject(value)
          ? [{ weight: 3, arbitrary: mutated(value).map((v) => ({ value: v as unknown })) }]
          : []),
      )
      .map((choice) => [key, choice] as const),
  );
  const extras = fc.oneof(
    { weight: 4, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), anyJson, { maxKeys: 2 }) },
  );
  return fc.tuple(fc.tuple(...fields), extras).map(([chosen, extra]) => {
    const body: Record<string, unknown> = {};
    for (const [key, choice] of chosen) if ('value' in choice) body[key] = choice.value;
    return { ...body, ...extra };
  });
}

/** JSON nested `depth` levels, built as text: `JSON.stringify` itself would overflow the stack. */
export function nested(depth: number, shape: 'array' | 'object' | 'mixed'): string {
  const open = (i: number) =>
    shape === 'array' || (shape === 'mixed' && i % 2 === 0) ? '[' : '{"a":';
  let text = '';
  for (let i = 0; i < depth; i++) text += open(i);
  text += '1';
  for (let i = depth - 1; i >= 0; i--) text += open(i) === '[' ? ']' : '}';
  return text;
}

/** The template as JSON with `field` replaced by `replacement` text. */
function withFieldText(
  template: Record<string, unknown>,
  field: string,
  replacement: string,
): string {
  const marker = '__REPLACED_BY_THE_TEST__';
  return JSON.stringify({ ...template, [field]: marker }).replace(`"${marker}"`, replacement);
}

/** UTF-8 that no decoder may accept: stray continuation, overlong, encoded surrogate, truncated. */
export const invalidUtf8 = fc.constantFrom(
  [0xff],
  [0xfe, 0xfe],
  [0x80],
  [0xc0, 0x80],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe2, 0x82],
  [0xf4, 0x90, 0x80, 0x80],
);

const contentTypes = fc.oneof(
  fc.constantFrom(
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'text/json',
    'application/jsonx',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'application/json; charset=klingon',
    'application/json;;;=',
    '*/*',
    '',
  ),
  fc.stringMatching(/^[!-~]{1,40}$/),
);

/** Generators every body-taking entry point gets, from its valid body. */
export function bodyInputs(
  template: Record<string, unknown>,
  options: {
    /** More headers to garble, e.g. `authorization` or `origin` for a public API. */
    headers?: Record<string, fc.Arbitrary<string>>;
    /** Headers every input carries unless it garbles them (a valid token, say). */
    baseHeaders?: Record<string, string>;
  } = {},
): fc.Arbitrary<BadInput> {
  const fields = Object.keys(template);
  const field = fc.constantFrom(...fields);
  return fc
    .oneof(
      anyJson.map((body) => ({ kind: 'any JSON value', body })),
      { weight: 3, arbitrary: mutated(template).map((body) => ({ kind: 'mutated fields', body })) },
      fc
        .uint8Array({ minLength: 1, maxLength: 2_000 })
        .map((raw) => ({ kind: 'random bytes', raw })),
      fc.tuple(field, invalidUtf8, fc.nat()).map(([name, bytes, at]) => {
        const text = JSON.stringify({ ...template, [name]: 'valid-text-around' });
        const start = text.indexOf('valid-text-around') + (at % 17);
        const raw = Buffer.concat([
          Buffer.from(text.slice(0, start)),
          Buffer.from(bytes),
          Buffer.from(text.slice(start)),
        ]);
        return { kind: 'invalid UTF-8', raw };
      }),
      fc
        .tuple(
          fc.integer({ min: 1_000, max: 12_000 }),
          fc.constantFrom('array' as const, 'object' as const, 'mixed' as const),
          fc.option(field, { nil: undefined }),
        )
        .map(([depth, shape, name]) => ({
          kind: 'deep nesting',
          raw:
            name === undefined
              ? nested(depth, shape)
              : withFieldText(template, name, nested(depth, shape)),
        })),
      fc.integer({ min: BODY_LIMIT_BYTES + 1, max: 1_500_000 }).map((size) => ({
        kind: 'oversized body',
        raw: withFieldText(template, fields[0] ?? 'x', JSON.stringify('z'.repeat(size))),
      })),
      fc.tuple(contentTypes, fc.constantFrom('json', 'form', 'text')).map(([type, as]) => ({
        kind: 'wrong content-type',
        raw:
          as === 'json'
            ? JSON.stringify(template)
            : as === 'form'
              ? new URLSearchParams(template as Record<string, string>).toString()
              : 'hello',
        headers: { 'content-type': type },
      })),
      fc
        .record(
          {
            'x-client-address': headerValue,
            'x-correlation-id': headerValue,
            'content-encoding': fc.constantFrom(
              'gzip',
              'deflate',
              'br',
              'identity',
              'x-evil',
              'gzip, gzip',
            ),
            accept: headerValue,
            'x-unknown-header': headerValue,
            ...options.headers,
          },
          { requiredKeys: [] },
        )
        .map((headers) => ({
          kind: 'garbage headers',
          body: template,
          headers: headers as Record<string, string>,
        })),
    )
    .map((input: BadInput) =>
      options.baseHeaders
        ? { ...input, headers: { ...options.baseHeaders, ...input.headers } }
        : input,
    );
}

/** A path parameter: hostile text, or raw percent-encoded bytes (some not UTF-8). */
export const pathParam: fc.Arbitrary<string> = fc.oneof(
  hostileString
    .filter((s) => s.length > 0 && s.length < 5_000)
    .map((s) =>
      [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''),
    ),
  fc
    .uint8Array({ minLength: 1, maxLength: 40 })
    .map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')),
  fc.constantFrom('%', '%zz', '..', '%2e%2e', '%2F', 'a%00b', '%ff%fe'),
);

/** A query string built around one parameter: hostile values, repeats, brackets. */
export function queryInputs(name: string): fc.Arbitrary<string> {
  return fc.oneof(
    pathParam.map((value) => `${name}=${value}`),
    fc.constantFrom(
      '',
      `${name}=`,
      `${name}=a&${name}=b`,
      `${name}[]=x`,
      `${name}[a]=b`,
      `${name}[__proto__][x]=1`,
      `${name}=${'a'.repeat(5_000)}`,
    ),
  );
}

/** Raw HTTP/1.1 requests with broken framing, methods, versions and header bytes. */
export function rawHttpRequests(paths: string[]): fc.Arbitrary<Uint8Array> {
  const garbage = fc
    .uint8Array({ minLength: 0, maxLength: 40 })
    .map((bytes) => Buffer.from(bytes.filter((b) => b !== 0x0d && b !== 0x0a)));
  const headerName = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,20}$/).map((s) => Buffer.from(s)),
    },
    { weight: 1, arbitrary: garbage },
  );
  const headerValue = fc.oneof(
    { weight: 3, arbitrary: fc.stringMatching(/^[ -~]{0,40}$/).map((s) => Buffer.from(s)) },
    { weight: 1, arbitrary: garbage },
  );
  return fc
    .record({
      method: fc.oneof(
        {
          weight: 4,
          arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'),
        },
        fc.stringMatching(/^[A-Z!#$%&'*+.^_`|~-]{1,12}$/),
        fc
          .string({ unit: 'binary-ascii', minLength: 1, maxLength: 8 })
          .map((s) => s.replace(/[\r\n ]/g, '')),
      ),
      path: fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...paths) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 30 }) },
      ),
      version: fc.oneof(
        { weight: 3, arbitrary: fc.constant('HTTP/1.1') },
        {
          weight: 1,
          arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/1.1x', 'HTTP/9', ''),
        },
      ),
      headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 5 }),
      framing: fc.constantFrom('exact', 'short', 'long', 'chunked-bad', 'both', 'none'),
      body: fc.uint8Array({ maxLength: 300 }),
    })
    .map(({ method, path, version, headers, framing, body }) => {
      const lines: Buffer[] = [
        Buffer.from(
          `${method || 'GET'} ${path.replace(/[\r\n ]/g, '') || '/'} ${version}\r\nHost: 127.0.0.1\r\n`,
        ),
      ];
      for (const [name, value] of headers)
        lines.push(Buffer.concat([name, Buffer.from(': '), value, Buffer.from('\r\n')]));
      const length = {
        exact: body.length,
        short: Math.max(0, body.length - 3),
        long: body.length + 50,
      };
      if (framing in length)
        lines.push(Buffer.from(`Content-Length: ${length[framing as keyof typeof length]}\r\n`));
      if (framing === 'chunked-bad' || framing === 'both')
        lines.push(Buffer.from('Transfer-Encoding: chunked\r\n'));
      if (framing === 'both') lines.push(Buffer.from(`Content-Length: ${body.length}\r\n`));
      lines.push(
        Buffer.from('Content-Type: application/json\r\nConnection: close\r\n\r\n'),
        Buffer.from(body),
      );
      return new Uint8Array(Buffer.concat(lines));
    });
}
