import { useCallback, useEffect, useState } from 'react';

export interface Resource<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload(): void;
}

interface Settled<T> {
  request: unknown;
  generation: number;
  data?: T;
  error?: Error;
}

/**
 * Loads with `load` whenever it changes (or on `reload`), dropping answers to requests no longer
 * current. The last data stays on screen while the next request runs.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [generation, setGeneration] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>({ request: undefined, generation: -1 });
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setSettled({ request: load, generation, data }),
      (error: unknown) =>
        !controller.signal.aborted &&
        setSettled((s) => ({
          request: load,
          generation,
          data: s.data,
          error: error instanceof Error ? error : new Error(String(error)),
        })),
    );
    return () => controller.abort();
  }, [load, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const loading = settled.request !== load || settled.generation !== generation;
  return { data: settled.data, error: settled.error, loading, reload };
}
