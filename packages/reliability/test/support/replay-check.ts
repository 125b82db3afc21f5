import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { projectionRegistry } from '@threadline/ops';

const run = promisify(execFile);
const replayCli = join(
  dirname(require.resolve('@threadline/ops/package.json')),
  'dist',
  'replay-cli.js',
);

export interface ReplayOutcome {
  service: string;
  projection: string;
  matched: boolean;
  /** The CLI's summary (or its error), for the failure message. */
  output: string;
}

/**
 * Every registered projection of every service, rebuilt from offset 0 by the operators' replay
 * CLI against the private stack and compared with the live one. `--until` (now) keeps the
 * rebuilt collection beside the live one instead of swapping it in under the running services.
 */
export async function replayEveryProjection(
  env: { kafkaBrokers: string; mongodbUri: string },
  concurrency = 3,
): Promise<ReplayOutcome[]> {
  const until = new Date().toISOString();
  const jobs = Object.entries(projectionRegistry).flatMap(([service, projections]) =>
    Object.keys(projections).map((projection) => ({ service, projection })),
  );
  const outcomes: ReplayOutcome[] = [];
  const next = async (): Promise<void> => {
    const job = jobs.shift();
    if (!job) return;
    const args = ['--service', job.service, '--projection', job.projection, '--until', until];
    let output: string;
    try {
      ({ stdout: output } = await run(process.execPath, [replayCli, ...args], {
        env: {
          PATH: process.env.PATH,
          KAFKA_BROKERS: env.kafkaBrokers,
          MONGODB_URI: env.mongodbUri,
        },
        timeout: 120_000,
      }));
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      output = `${stdout}\n${stderr}`.trim();
    }
    outcomes.push({ ...job, matched: /^\s*match\s+yes$/m.test(output), output });
    return next();
  };
  await Promise.all(Array.from({ length: concurrency }, next));
  return outcomes;
}
