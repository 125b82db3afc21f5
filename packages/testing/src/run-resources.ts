import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * What one jest run made on a broker and store that outlive it (the local infra, or one named by
 * the environment): each test file's topic namespace and its services' databases. Written down as
 * they are handed out, so the global teardown removes exactly those and nothing another run made.
 */
export const RunResource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('topic-namespace'), name: z.string().min(1) }),
  z.object({ kind: z.literal('database'), name: z.string().min(1) }),
]);
export type RunResource = z.infer<typeof RunResource>;

/** Set by the global setup; test workers inherit it. */
const recordFileEnv = 'THREADLINE_TEST_RUN_RECORD';

/** Starts this run's record: a file of its own, one JSON line per resource. */
export function beginRunRecord(env: NodeJS.ProcessEnv = process.env): string {
  const file = join(tmpdir(), `threadline-test-run-${process.pid}-${Date.now()}.jsonl`);
  env[recordFileEnv] = file;
  return file;
}

/** Notes a resource of this run; outside a run (no record begun) there is nothing to note. */
export function recordRunResource(resource: RunResource, env: NodeJS.ProcessEnv = process.env) {
  const file = env[recordFileEnv];
  if (file) appendFileSync(file, `${JSON.stringify(RunResource.parse(resource))}\n`);
}

/**
 * The run's resources, each once, and the record removed. A line that does not parse (a worker
 * killed mid-write) is skipped: what it named is left, as before there was a record.
 */
export function takeRunResources(env: NodeJS.ProcessEnv = process.env): RunResource[] {
  const file = env[recordFileEnv];
  if (!file || !existsSync(file)) return [];
  const seen = new Map<string, RunResource>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    let parsed: ReturnType<typeof RunResource.safeParse>;
    try {
      parsed = RunResource.safeParse(JSON.parse(line));
    } catch {
      continue;
    }
    if (parsed.success) seen.set(`${parsed.data.kind}:${parsed.data.name}`, parsed.data);
  }
  rmSync(file, { force: true });
  return [...seen.values()];
}
