/**
 * The latest version seen per stream (or any key), bounded: the least recently moved key is
 * forgotten first, so a caller treats a forgotten key as never seen. It never moves back.
 */
export class LatestVersions {
  private readonly latest = new Map<string, number>();

  constructor(private readonly maxKeys = 100_000) {}

  get(key: string): number | undefined {
    return this.latest.get(key);
  }

  /** Records `version` for `key`, unless a later one already is. */
  advance(key: string, version: number): void {
    const current = this.latest.get(key);
    if (current !== undefined && current >= version) return;
    this.latest.delete(key);
    this.latest.set(key, version);
    if (this.latest.size > this.maxKeys) {
      const oldest = this.latest.keys().next().value;
      if (oldest !== undefined) this.latest.delete(oldest);
    }
  }

  get size(): number {
    return this.latest.size;
  }
}
