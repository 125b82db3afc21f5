/** Thrown by {@link limitedStream} once more than the limit has arrived. */
export class StreamTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} bytes`);
    this.name = 'StreamTooLarge';
  }
}

/**
 * Passes the chunks of a request through as they arrive, counting them, and fails as soon as
 * more than `limit` bytes came: the file is never held whole, and never beyond the limit.
 */
export async function* limitedStream(
  source: AsyncIterable<Uint8Array | string>,
  limit: number,
): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.byteLength;
    if (total > limit) throw new StreamTooLarge(limit);
    yield bytes;
  }
}
