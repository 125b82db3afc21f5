import { Presets, SingleBar } from 'cli-progress';
import type { ReplayProgress } from '@threadline/eventing';

/** A progress bar on stderr (stdout keeps only the summary); silent when stderr is not a terminal. */
export function createReplayProgress(label: string): {
  update(progress: ReplayProgress): void;
  stop(): void;
} {
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} records | {applied} applied | {rate} events/s | {duration_formatted}`,
      hideCursor: true,
      stream: process.stderr,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(progress) {
      const payload = { applied: progress.applied, rate: progress.eventsPerSecond.toFixed(0) };
      if (!started) {
        bar.start(progress.total, progress.processed, payload);
        started = true;
      } else {
        bar.update(progress.processed, payload);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
