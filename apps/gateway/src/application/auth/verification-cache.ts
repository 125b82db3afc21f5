/**
 * Remembers token verifications for a few seconds, so a burst of requests costs one call to
 * identity. A revoked token (logout through this process) is never answered from memory again,
 * even by a verification that was in flight when it was revoked.
 */
export class VerificationCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  private readonly revoked = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): T | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.value;
  }

  /** `startedAt`: when the verification began; one that began before a revocation is not kept. */
  set(token: string, value: T, startedAt: number): void {
    if (this.ttlMs <= 0) return;
    const revokedAt = this.revoked.get(token);
    if (revokedAt !== undefined && startedAt <= revokedAt) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, { value, until: this.now() + this.ttlMs });
  }

  revoke(token: string): void {
    this.entries.delete(token);
    if (this.revoked.size >= this.maxEntries) {
      const oldest = this.revoked.keys().next().value;
      if (oldest !== undefined) this.revoked.delete(oldest);
    }
    this.revoked.set(token, this.now());
  }

  isRevoked(token: string): boolean {
    return this.revoked.has(token);
  }
}
