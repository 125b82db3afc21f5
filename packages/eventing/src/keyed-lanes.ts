/**
 * Runs work one at a time per key, in the order it asked, across any number of keys at once. Work
 * may name several keys (a batch touching several documents): it runs once every earlier work
 * sharing a key with it has finished. Uses: commands on one stream queue instead of losing an
 * optimistic-concurrency race to each other, and writes of one document take turns where the
 * store cannot be trusted with concurrent updates of it (FerretDB reads a document and writes it
 * back whole, so two updates at once can lose one). It holds within one process only.
 */
export class KeyedLanes {
  /** Per key, the end of the last work that asked for it. */
  private readonly tails = new Map<string, Promise<void>>();

  /** All keys are taken in one synchronous step, so waits follow the calls and cannot deadlock. */
  async run<T>(keys: string | readonly string[], work: () => Promise<T>): Promise<T> {
    const unique = typeof keys === 'string' ? [keys] : [...new Set(keys)];
    let release!: () => void;
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const earlier: Promise<void>[] = [];
    for (const key of unique) {
      const tail = this.tails.get(key);
      if (tail) earlier.push(tail);
      this.tails.set(key, done);
    }
    try {
      if (earlier.length > 0) await Promise.all(earlier);
      return await work();
    } finally {
      release();
      for (const key of unique) if (this.tails.get(key) === done) this.tails.delete(key);
    }
  }

  /** Keys some work holds or waits for. */
  get size(): number {
    return this.tails.size;
  }
}
