import type { ReplayReport } from '@threadline/eventing';

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

/** The lines an operator reads after a replay; the JSON report goes to the logs. */
export function formatReplaySummary(report: ReplayReport): string {
  const { events } = report;
  const seconds = report.durationMs / 1000;
  const rate = seconds > 0 ? (report.records / seconds).toFixed(1) : '–';
  const mode = report.until ? `as of ${report.until}` : 'full';
  const lines = [
    `replay of ${report.service}/${report.projection} (${mode})`,
    `  events     ${events.applied} applied, ${events.afterUntil} after --until, ${events.unknownType} of unknown type, ${events.rejected} rejected (${report.records} records)`,
    `  duration   ${seconds.toFixed(2)} s (${rate} records/s)`,
    `  documents  live ${report.live.count}, rebuilt ${report.rebuilt.count}`,
    `  hash       live    ${report.live.hash}`,
    `             rebuilt ${report.rebuilt.hash}`,
    `  match      ${yesNo(report.matched)}`,
    report.swapped
      ? `  swapped    yes: ${report.liveCollection} is the rebuilt collection now`
      : `  swapped    no: kept as ${report.rebuiltCollection}`,
  ];
  if (report.caughtUp > 0) {
    lines.push(`  caught up  ${report.caughtUp} events written to the topics during the replay`);
  }
  return lines.join('\n');
}
