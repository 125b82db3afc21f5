/**
 * Runs tasks concurrently across keys and strictly in order within one key: what Kafka itself
 * promises (order per message key, none across keys), so a projection applied this way sees no
 * ordering it could not also see from a live consumer of several partitions. Unlike that consumer,
 * which applies one record at a time, it applies several at once: a projection whose document
 * several streams write must make those writes take turns (`KeyedLanes`), since FerretDB can lose
 * one of two concurrent updates of a document.
 */
export interface KeyedScheduler {
  /**
   * Queues `task` behind earlier tasks of `key`; resolves once it is queued and fewer than the
   * limit are in flight, which is the caller's backpressure. Rejects with the first task failure.
   */
  schedule(key: string, task: () => Promise<void>): Promise<void>;
  /** Resolves when every queued task has finished; rejects with the first failure. */
  drain(): Promise<void>;
}

export function createKeyedScheduler(concurrency: number): KeyedScheduler {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(`concurrency must be a positive integer, got ${concurrency}`);
  }
  const tails = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;

  const failed = () => (failure ? Promise.reject(failure.error) : undefined);

  return {
    async schedule(key, task) {
      await failed();
      while (inFlight.size >= concurrency) {
        await Promise.race(inFlight);
        await failed();
      }
      const previous = tails.get(key) ?? Promise.resolve();
      const run = previous.then(async () => {
        if (!failure) await task();
      });
      const settled: Promise<void> = run
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => {
          inFlight.delete(settled);
          if (tails.get(key) === settled) tails.delete(key);
        });
      inFlight.add(settled);
      tails.set(key, settled);
    },
    async drain() {
      while (inFlight.size > 0) await Promise.race(inFlight);
      await failed();
    },
  };
}
