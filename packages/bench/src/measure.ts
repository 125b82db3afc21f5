/** One figure of a benchmark run. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

/** A product figure beside the raw baseline it sits on, measured in the same run. */
export interface Comparison {
  product: Figure;
  baseline: Figure;
  /** product / baseline; for throughput, higher is better. */
  ratio: number;
}

export function throughput(name: string, count: number, elapsedMs: number, unit: string): Figure {
  return { name, value: count / (elapsedMs / 1000), unit };
}

export function compare(product: Figure, baseline: Figure): Comparison {
  return { product, baseline, ratio: product.value / baseline.value };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; elapsedMs: number }> {
  const started = process.hrtime.bigint();
  const result = await work();
  return { result, elapsedMs: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** Nearest-rank percentile of an unsorted sample. */
export function percentile(sample: number[], p: number): number {
  if (sample.length === 0) throw new Error('percentile of an empty sample');
  const sorted = [...sample].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}
