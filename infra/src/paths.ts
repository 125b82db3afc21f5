import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root: infra/dist/paths.js and infra/src/paths.ts both sit two levels below it. */
export const repoRoot = resolve(__dirname, '..', '..');

/** Where infra keeps everything it builds, downloads and runs; git-ignored. */
export const infraHome = process.env.INFRA_HOME
  ? resolve(process.env.INFRA_HOME)
  : join(repoRoot, '.infra');

export const infraPaths = {
  home: infraHome,
  logs: join(infraHome, 'logs'),
  run: join(infraHome, 'run'),
  data: join(infraHome, 'data'),
  /**
   * Downloads and builds (Kafka's jars, the FerretDB binary), reusable across homes: a private
   * stack (fault tests) points `INFRA_CACHE` at the repository's cache instead of rebuilding.
   */
  cache: process.env.INFRA_CACHE ? resolve(process.env.INFRA_CACHE) : join(infraHome, 'cache'),
  /** Sources of ours that infra builds: the Maven project and the Go program. */
  kafkaProject: join(repoRoot, 'infra', 'kafka'),
  ferretdbProject: join(repoRoot, 'infra', 'ferretdb'),
};

export function ensureDir(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}
