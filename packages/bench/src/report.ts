import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import type { Comparison, Figure } from './measure';

export interface BenchReport {
  takenAt: Date;
  events: number;
  streams: number;
  versions: Record<string, string>;
  comparisons: Comparison[];
  baselines: Figure[];
}

/** Latencies are small numbers of milliseconds: they keep a decimal. */
export function formatFigure(f: Figure): string {
  const digits = f.unit === 'ms' && f.value < 100 ? 1 : 0;
  return `${f.value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${f.unit}`;
}

/** Throughput as a share of its baseline; a latency as a multiple of it (lower is better). */
export function formatRatio(c: Comparison): string {
  if (c.product.unit === 'ms') return `${c.ratio.toFixed(1)}×`;
  const percent = c.ratio * 100;
  return `${percent < 10 ? percent.toPrecision(2) : percent.toFixed(0)}%`;
}

const format = formatFigure;

export function machineLine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown cpu'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`;
}

export function renderMarkdown(report: BenchReport): string {
  const rows = report.comparisons.map(
    (c) =>
      `| ${c.product.name} | ${format(c.product)} | ${c.baseline.name} | ${format(c.baseline)} | ${formatRatio(c)} |`,
  );
  return [
    `Taken ${report.takenAt.toISOString()} on ${machineLine()}; ${report.events.toLocaleString('en-US')} events over ${report.streams} streams.`,
    `Versions: ${Object.entries(report.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '',
    '| product path | figure | raw baseline (same run) | figure | ratio |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Raw baselines measured: ' +
      report.baselines.map((b) => `${b.name} ${format(b)}`).join('; ') +
      '.',
  ].join('\n');
}

/** BENCHMARKS.md keeps the latest run; figures on FerretDB are ratios, not claims about MongoDB. */
export function writeBenchmarksFile(path: string, report: BenchReport): void {
  writeFileSync(
    path,
    [
      '# Benchmarks',
      '',
      'Written by `npm run bench`: every product figure beside the raw baseline it sits on, measured in the same run',
      'against the local Kafka broker and FerretDB on PostgreSQL. Store figures are ratios to raw FerretDB writes,',
      'never claims about MongoDB.',
      '',
      renderMarkdown(report),
      '',
    ].join('\n'),
  );
}
