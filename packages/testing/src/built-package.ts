import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string, keep: (name: string) => boolean): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, keep));
    else if (keep(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * For specs that run a package's built output in a child process, as an operator would: a stale
 * or missing dist would test yesterday's code, so it fails at once naming the build to run.
 */
export function assertBuiltPackage(packageDir: string, buildCommand: string): void {
  const src = newestMtime(
    join(packageDir, 'src'),
    (n) => n.endsWith('.ts') && !n.includes('.spec.'),
  );
  let dist = 0;
  try {
    dist = newestMtime(join(packageDir, 'dist'), (n) => n.endsWith('.js'));
  } catch {
    // no dist at all
  }
  if (dist < src)
    throw new Error(
      `${packageDir}/dist is missing or older than src: run \`${buildCommand}\` first`,
    );
}
