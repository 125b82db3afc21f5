/** Containers die with the run; the local infra stays up for the next run (`npm run infra:down` stops it). */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__threadlineContainers?.stop();
  globalThis.__threadlineContainers = undefined;
}
