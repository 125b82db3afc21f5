import { ServerFrame } from '@threadline/contracts';
import {
  hostileString,
  invalidUtf8,
  nested,
  platformHealthy,
  type PlatformStack,
} from '@threadline/testing';
import fc from 'fast-check';
import WebSocket from 'ws';
import { fuzzTenant, SHOP_ORIGIN, startGatewayStack, type FuzzTenant } from './bad-input.fixture';

/**
 * S18, issue 9 "Bad input" for `/ws`: generated frame sequences (text and binary, invalid JSON,
 * valid JSON of the wrong shape, unknown types, frames over the size limit, deep JSON, invalid
 * UTF-8, frames before auth, repeated auth, bad cursors and ids in resume) on fresh sockets of the
 * real gateway. Every server frame is a documented `ServerFrame`; a socket closes only with a
 * documented code; another, authenticated socket keeps answering; every process stays up and logs
 * no error.
 */

const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 30);
/** Normal closure, policy (too many frames), invalid UTF-8, too big, try later, and the gateway's own. */
const DOCUMENTED_CLOSE_CODES = new Set([1000, 1007, 1008, 1009, 1013, 4401, 4403, 4408]);

type Frame = { kind: string; data: string | Buffer; binary: boolean };

interface Outcome {
  frames: unknown[];
  close?: { code: number; reason: string };
}

function frames(tenant: FuzzTenant): fc.Arbitrary<Frame> {
  const text = (kind: string, value: fc.Arbitrary<string>) =>
    value.map((data): Frame => ({ kind, data, binary: false }));
  const json = (kind: string, value: fc.Arbitrary<unknown>) =>
    text(
      kind,
      value.map((v) => JSON.stringify(v)),
    );
  const token = fc.oneof(
    fc.constantFrom(tenant.userToken, tenant.agentToken, tenant.visitorToken),
    hostileString,
    fc.constantFrom('', 'v1.', 'a1.x.y', `v1.${'A'.repeat(5_000)}`),
  );
  const cursor = fc.oneof(hostileString, fc.constantFrom(tenant.cursor, `${tenant.cursor}x`, '0'));
  return fc.oneof(
    json('auth', fc.record({ type: fc.constant('auth'), token })),
    json('ping', fc.constant({ type: 'ping' })),
    json(
      'resume',
      fc.record(
        {
          type: fc.constant('resume'),
          after: cursor,
          applicationId: fc.oneof(fc.constant(tenant.applicationId), hostileString),
          contactId: fc.oneof(fc.constant(tenant.userContactId), hostileString),
        },
        { requiredKeys: ['type'] },
      ),
    ),
    json('unknown type', fc.record({ type: hostileString, token })),
    json('wrong shape', fc.jsonValue({ maxDepth: 3 })),
    json(
      'extra fields',
      fc.record({ type: fc.constantFrom('auth', 'ping', 'resume'), extra: fc.jsonValue() }),
    ),
    text('invalid JSON', fc.string({ unit: 'binary', maxLength: 200 })),
    text(
      'deep JSON',
      fc
        .integer({ min: 1_000, max: 5_000 })
        .map((depth) => `{"type":"resume","after":${nested(depth, 'mixed')}}`),
    ),
    fc
      .uint8Array({ maxLength: 300 })
      .map((bytes): Frame => ({ kind: 'binary', data: Buffer.from(bytes), binary: true })),
    fc.integer({ min: 16_385, max: 200_000 }).map((size): Frame => ({
      kind: 'huge frame',
      data: JSON.stringify({ type: 'auth', token: 't'.repeat(size) }),
      binary: false,
    })),
    invalidUtf8.map((bytes): Frame => ({
      kind: 'invalid UTF-8',
      data: Buffer.concat([
        Buffer.from('{"type":"ping","x":"'),
        Buffer.from(bytes),
        Buffer.from('"}'),
      ]),
      binary: false,
    })),
  );
}

/** Opens a socket, sends the frames, and collects what comes back until a pong or a close settles it. */
async function exchange(url: string, sent: Frame[]): Promise<Outcome> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws`, {
    headers: { origin: SHOP_ORIGIN },
  });
  const outcome: Outcome = { frames: [] };
  const raw: string[] = [];
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.on('error', () => undefined);
  ws.on('message', (data) => raw.push(String(data)));
  const closed = new Promise<void>((resolve) =>
    ws.on('close', (code, reason) => {
      outcome.close = { code, reason: String(reason) };
      resolve();
    }),
  );
  for (const frame of sent) {
    if (ws.readyState !== WebSocket.OPEN) break;
    ws.send(frame.data, { binary: frame.binary });
  }
  // A ping answered after everything sent (and a moment for an authentication behind it).
  if (ws.readyState === WebSocket.OPEN) ws.send('{"type":"ping"}');
  const deadline = Date.now() + 8_000;
  while (!outcome.close && Date.now() < deadline && !raw.some((f) => f.includes('"pong"')))
    await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, 250));
  if (!outcome.close) {
    ws.close(1000);
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  }
  outcome.frames = raw.map((text) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  });
  return outcome;
}

describe('bad WebSocket frames on /ws (gateway, identity, contact, conversation processes)', () => {
  let stack: PlatformStack;
  let tenant: FuzzTenant;
  let control: WebSocket;
  const byKind = new Map<string, number>();
  const closes = new Map<number, number>();
  const findings: string[] = [];

  beforeAll(async () => {
    stack = await startGatewayStack();
    tenant = await fuzzTenant(stack);
    control = new WebSocket(`${stack.gateway.url.replace(/^http/, 'ws')}/ws`, {
      headers: { origin: SHOP_ORIGIN },
    });
    await new Promise((resolve, reject) => control.once('open', resolve).once('error', reject));
    const ready = new Promise((resolve) => control.once('message', resolve));
    control.send(JSON.stringify({ type: 'auth', token: tenant.agentToken }));
    expect(JSON.parse(String(await ready))).toEqual({ type: 'ready', role: 'agent' });
  }, 300_000);

  afterAll(async () => {
    const kinds = [...byKind].map(([k, n]) => `${k} ${n}`).join(', ');
    const codes = [...closes].map(([c, n]) => `${c}×${n}`).join(' ');
    console.info(`bad input: gateway /ws: frames by kind: ${kinds}`);
    console.info(`bad input: gateway /ws: closes ${codes}; ${findings.length} failures`);
    control?.close();
    await stack?.stop();
  });

  /** The control socket still answers: one bad socket never disturbs another. */
  async function controlAnswers(): Promise<boolean> {
    const pong = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 5_000);
      control.once('message', (data) => {
        clearTimeout(timer);
        resolve(String(data).includes('"pong"'));
      });
    });
    control.send('{"type":"ping"}');
    return pong;
  }

  function problemsOf(outcome: Outcome): string[] {
    const problems: string[] = [];
    for (const frame of outcome.frames)
      if (!ServerFrame.safeParse(frame).success)
        problems.push(`an undocumented frame: ${JSON.stringify(frame).slice(0, 200)}`);
    if (outcome.close) {
      closes.set(outcome.close.code, (closes.get(outcome.close.code) ?? 0) + 1);
      if (!DOCUMENTED_CLOSE_CODES.has(outcome.close.code))
        problems.push(`closed with ${outcome.close.code} ${outcome.close.reason}`);
    }
    return problems;
  }

  it('forced examples first: a frame over the limit, invalid UTF-8, JSON 5,000 deep, resume before auth, auth twice', async () => {
    const cases: [Frame[], (o: Outcome) => boolean][] = [
      [
        [{ kind: 'huge frame', data: 'x'.repeat(20_000), binary: false }],
        (o) => o.close?.code === 1009,
      ],
      [
        [{ kind: 'invalid UTF-8', data: Buffer.from([0x7b, 0xff, 0x7d]), binary: false }],
        (o) => o.close?.code === 1007,
      ],
      [
        [{ kind: 'deep JSON', data: nested(5_000, 'array'), binary: false }],
        (o) => JSON.stringify(o.frames).includes('BAD_FRAME'),
      ],
      [
        [{ kind: 'resume', data: '{"type":"resume"}', binary: false }],
        (o) => JSON.stringify(o.frames).includes('AUTH_REQUIRED'),
      ],
      [
        [
          {
            kind: 'auth',
            data: JSON.stringify({ type: 'auth', token: tenant.userToken }),
            binary: false,
          },
          {
            kind: 'auth',
            data: JSON.stringify({ type: 'auth', token: tenant.userToken }),
            binary: false,
          },
        ],
        (o) => JSON.stringify(o.frames).includes('ALREADY_AUTHENTICATED'),
      ],
    ];
    for (const [sent, expected] of cases) {
      const outcome = await exchange(stack.gateway.url, sent);
      const problems = problemsOf(outcome);
      if (!expected(outcome))
        problems.push(`not the documented answer: ${JSON.stringify(outcome).slice(0, 300)}`);
      if (problems.length > 0) findings.push(`${sent[0]!.kind}: ${problems.join('; ')}`);
    }
    expect(findings).toEqual([]);
    expect(await controlAnswers()).toBe(true);
  });

  it('generated frame sequences: documented frames and close codes only; other sockets unaffected', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(frames(tenant), { minLength: 1, maxLength: 5 }), async (sent) => {
        for (const frame of sent) byKind.set(frame.kind, (byKind.get(frame.kind) ?? 0) + 1);
        const problems = problemsOf(await exchange(stack.gateway.url, sent));
        if (!(await controlAnswers())) problems.push('the control socket stopped answering');
        if (problems.length > 0) {
          const finding = `[${sent.map((f) => f.kind).join(', ')}]: ${problems.join('; ')}`;
          findings.push(finding);
          throw new Error(finding);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  });

  it('every process stayed up and logged no error', async () => {
    expect(await platformHealthy(stack)).toBe(true);
    for (const service of stack.all())
      expect([service.name, service.errorLines()]).toEqual([service.name, []]);
    expect(findings).toEqual([]);
  });
});
