/** At most `limit` frames per 10-second window from one socket; past it the socket is closed. */
export class FrameBudget {
  private windowStart = 0;
  private count = 0;

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(): boolean {
    const now = this.now();
    if (now - this.windowStart >= 10_000) {
      this.windowStart = now;
      this.count = 0;
    }
    this.count += 1;
    return this.count <= this.limit;
  }
}
