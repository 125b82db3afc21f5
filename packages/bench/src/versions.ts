import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@threadline/infra';
import type { Connection } from 'mongoose';

function packageVersion(name: string): string {
  return (
    JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }
  ).version;
}

function kafkaVersion(): string {
  const pom = readFileSync(join(repoRoot, 'infra', 'kafka', 'pom.xml'), 'utf8');
  return /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1] ?? 'unknown';
}

/** The embedded build reports its version as "unknown" (FerretDB issue 2982), so go.mod tells. */
function ferretdbVersion(): string {
  const goMod = readFileSync(join(repoRoot, 'infra', 'ferretdb', 'go.mod'), 'utf8');
  return /github\.com\/FerretDB\/FerretDB v(\S+)/.exec(goMod)?.[1] ?? 'unknown';
}

/** What the figures were measured on, so that runs can be compared. */
export async function benchVersions(db: Connection): Promise<Record<string, string>> {
  const build = (await db.db?.admin().command({ buildInfo: 1 })) as
    { version?: string; ferretdbVersion?: string } | undefined;
  return {
    node: process.version,
    'Apache Kafka': kafkaVersion(),
    kafkajs: packageVersion('kafkajs'),
    mongoose: packageVersion('mongoose'),
    store: build?.ferretdbVersion
      ? `FerretDB ${ferretdbVersion()}`
      : `MongoDB ${build?.version ?? 'unknown'}`,
  };
}
