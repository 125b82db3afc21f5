import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureDir } from '../paths';
import { serverProperties, type BrokerSettings } from './server-properties';

const run = promisify(execFile);

/**
 * Kafka's cluster ids are 16 random bytes in URL-safe base64 without padding (its Uuid.toString).
 * Like Kafka's Uuid.randomUuid, never one starting with '-': the CLI would read it as an option.
 */
function newClusterId(): string {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** The id is kept beside the data so a re-format after a lost log dir joins the same cluster id. */
function clusterId(dataDir: string): string {
  const file = join(dataDir, 'cluster.id');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const id = newClusterId();
  writeFileSync(file, `${id}\n`);
  return id;
}

/**
 * `kafka-storage format --standalone` on first start only; later starts reuse the formatted log
 * dir. Formats a scratch dir and renames it, so an interrupted format is simply redone.
 */
export async function formatStorageOnce(options: {
  dataDir: string;
  settings: BrokerSettings;
  javaArgs: string[];
}): Promise<{ formatted: boolean; clusterId: string }> {
  const { dataDir, settings } = options;
  const id = clusterId(ensureDir(dataDir));
  if (existsSync(join(settings.logDir, 'meta.properties')))
    return { formatted: false, clusterId: id };

  const scratch = `${settings.logDir}.format`;
  const scratchProps = join(dataDir, 'format.properties');
  rmSync(scratch, { recursive: true, force: true });
  writeFileSync(scratchProps, serverProperties({ ...settings, logDir: scratch }));
  try {
    await run('java', [
      ...options.javaArgs,
      'kafka.tools.StorageTool',
      'format',
      '--config',
      scratchProps,
      '--cluster-id',
      id,
      '--standalone',
    ]);
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`kafka storage format failed:\n${`${stdout}\n${stderr}`.trim()}`);
  } finally {
    rmSync(scratchProps, { force: true });
  }
  rmSync(settings.logDir, { recursive: true, force: true });
  renameSync(scratch, settings.logDir);
  return { formatted: true, clusterId: id };
}
