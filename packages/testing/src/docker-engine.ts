import { existsSync } from 'node:fs';

/**
 * Cheap pre-check before asking testcontainers: with no socket and no DOCKER_HOST there is no
 * engine, and testcontainers' own probing of every strategy would only cost seconds.
 */
export function dockerEngineMayAnswer(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.TESTCONTAINERS_DISABLED === 'true') return false;
  if (env.DOCKER_HOST) return true;
  return (
    existsSync('/var/run/docker.sock') || existsSync(`${env.HOME ?? ''}/.docker/run/docker.sock`)
  );
}
