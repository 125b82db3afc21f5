/**
 * The last stream version this relay has put on Kafka, per stream, bounded: a stream it forgot is
 * only published the slow way (through the store) until it is sent again.
 */
export class SentVersions {
  private readonly upTo = new Map<string, number>();

  constructor(private readonly maxStreams = 100_000) {}

  get(streamId: string): number | undefined {
    return this.upTo.get(streamId);
  }

  /** Records `version` as sent, unless a later one of the stream already was. */
  sent(streamId: string, version: number): void {
    const current = this.upTo.get(streamId);
    if (current !== undefined && current >= version) return;
    this.upTo.delete(streamId);
    this.upTo.set(streamId, version);
    if (this.upTo.size > this.maxStreams) {
      const oldest = this.upTo.keys().next().value;
      if (oldest !== undefined) this.upTo.delete(oldest);
    }
  }
}
