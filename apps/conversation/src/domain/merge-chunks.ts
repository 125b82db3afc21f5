import type { Message } from './thread.events';

export interface ChunkLimits {
  maxMessages: number;
  /** Of the messages' JSON; one Kafka record must stay well under the broker's 1 MB. */
  maxBytes: number;
}

export const MERGE_CHUNK_LIMITS: ChunkLimits = { maxMessages: 100, maxBytes: 256 * 1024 };

/** Splits messages, in order, into parts within the limits; a message never splits. */
export function chunkMessages(
  messages: readonly Message[],
  limits: ChunkLimits = MERGE_CHUNK_LIMITS,
): Message[][] {
  const chunks: Message[][] = [];
  let current: Message[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = Buffer.byteLength(JSON.stringify(message), 'utf8');
    if (
      current.length > 0 &&
      (current.length >= limits.maxMessages || bytes + size > limits.maxBytes)
    ) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
