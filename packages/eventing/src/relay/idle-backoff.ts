/**
 * How long the relay waits between store passes that nobody nudged. A pass that found commits, or
 * failed, keeps the short interval; each pass that found nothing doubles the wait up to `maxMs`.
 * The appends of this process are handed over or nudged, so an empty store pass only looks for
 * other processes' commits: polling an idle store ten times a second cost each service a store
 * round trip every 100 ms, on the same CPU that serves its requests.
 */
export class IdleBackoff {
  private waitMs: number;
  readonly maxMs: number;

  constructor(
    readonly baseMs: number,
    maxMs: number,
  ) {
    this.maxMs = Math.max(baseMs, maxMs);
    this.waitMs = baseMs;
  }

  /** The wait after a pass; `foundWork` when it read commits or failed. */
  after(foundWork: boolean): number {
    this.waitMs = foundWork ? this.baseMs : Math.min(this.waitMs * 2, this.maxMs);
    return this.waitMs;
  }
}
