import { endpointsFromEnv } from './infra-mode';
import { removeRunResources } from './remove-run-resources';
import { takeRunResources } from './run-resources';

/**
 * Containers die with the run, and all they held with them. The local infra stays up for the next
 * run (`npm run infra:down` stops it), so what this run made on it is removed instead.
 */
export default async function globalTeardown(): Promise<void> {
  const resources = takeRunResources();
  if (globalThis.__threadlineContainers) {
    await globalThis.__threadlineContainers.stop();
    globalThis.__threadlineContainers = undefined;
    return;
  }
  if (resources.length === 0) return;
  try {
    await removeRunResources(resources, endpointsFromEnv());
  } catch (error) {
    // Leftovers cost disk, not correctness: the run's verdict stands.
    console.warn(
      `threadline: this run's test topics and databases were not removed: ${String(error)}`,
    );
  }
}
