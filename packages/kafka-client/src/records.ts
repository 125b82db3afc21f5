/** A record read from Kafka, without kafkajs types. Offsets are decimal strings (they exceed 2^53). */
export interface KafkaRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
  /** Milliseconds since the epoch, as a decimal string (kafkajs's representation). */
  timestamp: string;
}

/** A record to write. The key chooses the partition, so one key's records stay in order. */
export interface OutgoingRecord {
  key: string;
  value: Buffer | string;
  headers?: Record<string, string>;
}

/** Where a written record landed. */
export interface RecordMetadata {
  topic: string;
  partition: number;
  baseOffset: string;
}

type RawHeaderValue = Buffer | string | (Buffer | string)[] | undefined;

/** The shape of a fetched kafkajs message that we read; structural, so kafkajs types stay internal. */
export interface RawMessage {
  offset: string;
  key?: Buffer | null;
  value: Buffer | null;
  timestamp: string;
  headers?: Record<string, RawHeaderValue>;
}

export function toKafkaRecord(topic: string, partition: number, message: RawMessage): KafkaRecord {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key ? message.key.toString('utf8') : null,
    value: message.value,
    headers: decodeHeaders(message.headers),
    timestamp: message.timestamp,
  };
}

/** Header values are written as UTF-8 strings; a repeated header keeps its last value. */
export function decodeHeaders(
  headers: Record<string, RawHeaderValue> | undefined,
): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value !== undefined) decoded[name] = value.toString();
  }
  return decoded;
}

/** The offset to commit after `offset` was handled: Kafka commits the next offset to read. */
export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}
