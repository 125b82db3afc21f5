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

const format = (f: Figure) => `${Math.round(f.value).toLocaleString('en-US')} ${f.unit}`;

export function machineLine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown cpu'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`;
}

export function renderMarkdown(report: BenchReport): string {
  const rows = report.comparisons.map(
    (c) =>
      `| ${c.product.name} | ${format(c.product)} | ${c.baseline.name} | ${format(c.baseline)} | ${(c.ratio * 100).toFixed(0)}% |`,
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
