import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { infraPaths } from '../paths';
import { maven, requirePrerequisites } from '../prerequisites';

const run = promisify(execFile);
const pom = join(infraPaths.kafkaProject, 'pom.xml');

/** The broker version, read from the Maven project so that it is named in one place. */
export function kafkaVersion(): string {
  const match = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(readFileSync(pom, 'utf8'));
  if (!match?.[1]) throw new Error(`no <kafka.version> property in ${pom}`);
  return match[1].trim();
}

export function kafkaLibsDir(version = kafkaVersion()): string {
  return join(infraPaths.cache, `kafka-${version}`, 'libs');
}

/**
 * Copies the broker's jars from Maven Central (through ~/.m2) unless a complete copy made from
 * the same pom is cached. The marker is written last, so an interrupted copy is redone.
 */
export async function ensureKafkaJars(): Promise<{ libs: string; downloaded: boolean }> {
  const libs = kafkaLibsDir();
  const marker = join(libs, '..', 'complete');
  const pomHash = createHash('sha256').update(readFileSync(pom)).digest('hex');
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === pomHash)
    return { libs, downloaded: false };

  requirePrerequisites([maven]);
  rmSync(marker, { force: true });
  rmSync(libs, { recursive: true, force: true });
  const args = ['-q', '-B', '-Dstyle.color=never', '-f', pom, 'dependency:copy-dependencies'];
  args.push('-DincludeScope=runtime', `-DoutputDirectory=${libs}`);
  try {
    await run('mvn', args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(
      `could not copy the Kafka jars with Maven (needs Maven Central, or a mirror in ~/.m2/settings.xml):\n${output}`,
    );
  }
  writeFileSync(marker, `${pomHash}\n`);
  return { libs, downloaded: true };
}
