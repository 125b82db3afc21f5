import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import type { ZodType } from 'zod';
import { refusalProblems, Tally } from './answer-oracle';
import {
  bodyInputs,
  pathParam,
  queryInputs,
  rawHttpRequests,
  type BadInput,
} from './bad-input.arbitraries';
import { rawRequest, request, type Answer } from './http-client';

/** One HTTP entry point, its valid request, and the contracts a success must have passed. */
export interface EntryPoint {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: (params: Record<string, string>) => string;
  /** Valid path parameters, already encoded. */
  params?: Record<string, string>;
  paramSchemas?: Record<string, ZodType>;
  query?: { name: string; value: string; schema: ZodType };
  body?: Record<string, unknown>;
  bodySchema?: ZodType;
  /** Headers of the valid request (a bearer token, an origin); generated inputs may garble them. */
  headers?: Record<string, string>;
  /** More headers to garble than the ones every entry point gets. */
  headerArbitraries?: Record<string, fc.Arbitrary<string>>;
  /** A status that records a refusal by design (identity's 403 `AuthenticationRejected`). */
  writesWhenRefused?: number;
}

/** The text checks a service applies on top of its contracts (NUL, lone surrogates…). */
export type TextIssues = (value: unknown) => readonly unknown[];

/** Whether what was sent passes every contract of the entry point: only then may it succeed. */
export function passesContract(
  entry: EntryPoint,
  input: BadInput,
  textIssues: TextIssues,
): boolean {
  const params = { ...entry.params, ...input.params };
  for (const [name, schema] of Object.entries(entry.paramSchemas ?? {})) {
    let value: string;
    try {
      value = decodeURIComponent(params[name] ?? '');
    } catch {
      return false;
    }
    if (!schema.safeParse(value).success || textIssues(value).length > 0) return false;
  }
  if (entry.query) {
    const values = new URLSearchParams(
      input.query ?? `${entry.query.name}=${entry.query.value}`,
    ).getAll(entry.query.name);
    if (values.length > 1) return false;
    if (!entry.query.schema.safeParse(values[0]).success || textIssues(values[0]).length > 0)
      return false;
  }
  if (!entry.bodySchema) return true;
  let body = input.body;
  if (input.raw !== undefined) {
    // Bytes that are not UTF-8 decode to U+FFFD: accepting them is accepting another input.
    if (typeof input.raw !== 'string' && !isUtf8(input.raw)) return false;
    try {
      body = JSON.parse(Buffer.from(input.raw).toString('utf8'));
    } catch {
      return false;
    }
  }
  return entry.bodySchema.safeParse(body).success && textIssues(body).length === 0;
}

/** Every generated input an entry point gets: its body, each path parameter, its query. */
export function entryPointInputs(entry: EntryPoint): fc.Arbitrary<BadInput> {
  const inputs: fc.Arbitrary<BadInput>[] = [];
  if (entry.body)
    inputs.push(
      bodyInputs(entry.body, { headers: entry.headerArbitraries, baseHeaders: entry.headers }),
    );
  else if (entry.headerArbitraries)
    inputs.push(
      fc.record(entry.headerArbitraries, { requiredKeys: [] }).map((headers): BadInput => ({
        kind: 'garbage headers',
        headers: { ...entry.headers, ...(headers as Record<string, string>) },
      })),
    );
  for (const param of Object.keys(entry.params ?? {})) {
    inputs.push(
      pathParam.map((value) => ({
        kind: `path ${param}`,
        params: { [param]: value },
        body: entry.body,
        headers: entry.headers,
      })),
    );
  }
  if (entry.query) {
    const name = entry.query.name;
    inputs.push(
      queryInputs(name).map((query) => ({
        kind: `query ${name}`,
        query,
        body: entry.body,
        headers: entry.headers,
      })),
    );
  }
  if (inputs.length === 0) throw new Error(`${entry.name}: nothing to generate`);
  return fc.oneof(...inputs);
}

export interface BadInputTarget {
  url: string;
  /** Commits in every event store behind the target: a refusal must leave it unchanged. */
  commits(): Promise<number>;
  textIssues: TextIssues;
  /**
   * Waits, after an accepted input, for the writes it causes later (a reactor's commits in another
   * service), so they are not counted against the next probe.
   */
  settle?(entry: EntryPoint, answer: Answer): Promise<void>;
}

/**
 * Sends generated inputs to entry points one at a time and checks each answer against the oracle:
 * within 10 s, never a 5xx, a 4xx in the refusal shape, a success only for a valid input, and no
 * commit for a refusal. Keeps a tally per entry point and every failure found.
 */
export class BadInputRun {
  readonly tallies = new Map<string, Tally>();
  readonly findings: string[] = [];
  private knownCommits: number | undefined;

  constructor(private readonly target: BadInputTarget) {}

  tallyOf(name: string): Tally {
    return this.tallies.get(name) ?? this.tallies.set(name, new Tally()).get(name)!;
  }

  /** Records a failure and throws it, so fast-check shrinks to it. */
  fail(finding: string): never {
    this.findings.push(finding);
    throw new Error(finding);
  }

  async send(entry: EntryPoint, input: BadInput): Promise<Answer> {
    const params = { ...entry.params, ...input.params };
    const query =
      input.query ??
      (entry.query ? `${entry.query.name}=${encodeURIComponent(entry.query.value)}` : '');
    const path = `${entry.path(params)}${query ? `?${query}` : ''}`;
    const headers = input.headers ?? entry.headers;
    if (entry.method === 'GET' || entry.method === 'DELETE')
      return request(this.target.url, path, { method: entry.method, headers });
    if (input.raw !== undefined)
      return request(this.target.url, path, {
        method: entry.method,
        raw: input.raw,
        headers: { 'content-type': 'application/json', ...headers },
      });
    return request(this.target.url, path, { method: entry.method, body: input.body, headers });
  }

  async probe(entry: EntryPoint, input: BadInput): Promise<Answer> {
    // Probes run one at a time and nothing else writes commits, so the last count is the baseline.
    const before = (this.knownCommits ??= await this.target.commits());
    const answer = await this.send(entry, input);
    this.knownCommits = await this.target.commits();
    const written = this.knownCommits - before;
    this.tallyOf(entry.name).count(input.kind, answer);

    const problems = refusalProblems(answer);
    if (
      answer.status < 300 &&
      !this.reachedAnotherRoute(entry, input) &&
      !passesContract(entry, input, this.target.textIssues)
    )
      problems.push('accepted an input its contract refuses');
    if (answer.status >= 400 && written > 0 && answer.status !== entry.writesWhenRefused)
      problems.push(`refused with ${answer.status} yet wrote ${written} commit(s)`);
    if (answer.status < 300 && this.target.settle) {
      await this.target.settle(entry, answer);
      this.knownCommits = undefined;
    }
    if (problems.length > 0)
      this.fail(
        `${entry.name} [${input.kind}]: ${problems.join('; ')} (answer ${answer.text.slice(0, 300)})`,
      );
    return answer;
  }

  /**
   * Whether the client resolved dot segments (`..`, `%2e%2e`) in the path before sending, so the
   * request went to another route (checked by that route's own property), not this one.
   */
  private reachedAnotherRoute(entry: EntryPoint, input: BadInput): boolean {
    const path = entry.path({ ...entry.params, ...input.params });
    return new URL(path, 'http://x').pathname !== path;
  }

  /** Forgets the commit baseline, after something other than a probe wrote. */
  resetBaseline(): void {
    this.knownCommits = undefined;
  }

  /** The property for one entry point: every generated input passes the oracle. */
  async check(entry: EntryPoint, numRuns: number): Promise<void> {
    await fc.assert(
      fc.asyncProperty(entryPointInputs(entry), async (input) => {
        await this.probe(entry, input);
      }),
      { numRuns, endOnFailure: true },
    );
  }

  /** Raw HTTP/1.1 with broken framing, methods, versions and header bytes: a JSON 4xx or a normal answer. */
  async checkRaw(paths: string[], numRuns: number): Promise<void> {
    const tally = this.tallyOf('raw HTTP/1.1 requests');
    await fc.assert(
      fc.asyncProperty(rawHttpRequests(paths), async (bytes) => {
        const answer = await rawRequest(this.target.url, bytes);
        tally.count('raw', answer);
        const problems = refusalProblems(answer);
        if (problems.length > 0)
          this.fail(
            `raw HTTP: ${problems.join('; ')} for ${JSON.stringify(Buffer.from(bytes).toString('latin1').slice(0, 200))}`,
          );
      }),
      { numRuns, endOnFailure: true },
    );
  }

  summaryLines(prefix = 'bad input'): string[] {
    const total = [...this.tallies.values()].reduce((n, t) => n + t.tried, 0);
    return [
      ...[...this.tallies].map(([name, tally]) => `${prefix}: ${tally.summary(name)}`),
      `${prefix}: ${total} inputs over ${this.tallies.size} entry points, ${this.findings.length} failures`,
    ];
  }
}

/** What a suite checks of a running service (a `ServiceProcess` fits). */
interface RunningProcess {
  name: string;
  url: string;
  exitCode(): number | null;
  errorLines(): string[];
}

/** Fails unless each process still runs and answers `/health` with 200. */
export async function expectStillUp(...processes: RunningProcess[]): Promise<void> {
  for (const service of processes) {
    expect(service.exitCode()).toBeNull();
    expect((await request(service.url, '/health')).status).toBe(200);
  }
}

/**
 * What a service's bad-input suite has once its `beforeAll` ran: the run and its entry points
 * (read lazily, since tests are registered before `beforeAll`), and its liveness check.
 */
export interface BadInputSuite {
  run(): BadInputRun;
  entryPoints(): EntryPoint[];
  stillUp(): Promise<void>;
}

/** One test per named entry point: its property over `runs` generated inputs, then liveness. */
export function itChecksEntryPoints(suite: BadInputSuite, names: string[], runs: number): void {
  it.each(names)(
    '%s: every generated input is a 4xx naming the problem, or a validated success',
    async (name) => {
      await suite.run().check(
        suite.entryPoints().find((e) => e.name === name)!,
        runs,
      );
      await suite.stillUp();
    },
  );
}

/** Raw HTTP/1.1 (`BadInputRun.checkRaw`) to every entry point's path, then liveness. */
export function itChecksRawHttp(suite: BadInputSuite, runs: number): void {
  it('raw HTTP with broken framing, methods, versions and header bytes: a JSON 4xx or a normal answer', async () => {
    await suite.run().checkRaw(
      suite.entryPoints().map((e) => e.path(e.params ?? {})),
      runs,
    );
    await suite.stillUp();
  });
}

/** The last test: every process still up, no error in any log, no finding. */
export function itLoggedNoError(
  suite: BadInputSuite,
  processes: () => RunningProcess[],
  title = 'the process stayed up and logged no error',
): void {
  it(title, async () => {
    await suite.stillUp();
    for (const service of processes())
      expect([service.name, service.errorLines()]).toEqual([service.name, []]);
    expect(suite.run().findings).toEqual([]);
  });
}
