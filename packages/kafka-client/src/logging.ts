/** Log levels, lowest to highest verbosity; `nothing` silences the client. */
export type KafkaLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';

export interface KafkaLogEntry {
  level: Exclude<KafkaLogLevel, 'nothing'>;
  /** The kafkajs component that logged, e.g. `Consumer`, `Connection`. */
  namespace: string;
  message: string;
  [field: string]: unknown;
}

export type KafkaLogger = (entry: KafkaLogEntry) => void;

const ranks: Record<KafkaLogLevel, number> = { nothing: 0, error: 1, warn: 2, info: 4, debug: 5 };

/** kafkajs's numeric levels (its `logLevel` enum) mapped to ours. */
export function levelFromKafkajs(level: number): KafkaLogEntry['level'] {
  if (level <= ranks.error) return 'error';
  if (level <= ranks.warn) return 'warn';
  if (level <= ranks.info) return 'info';
  return 'debug';
}

export function kafkajsLevel(level: KafkaLogLevel): number {
  return ranks[level];
}

/** One JSON object per line on stderr, like the services' own logs (kafkajs's default prints prose). */
export const jsonLinesLogger: KafkaLogger = (entry) => {
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), source: 'kafkajs', ...entry })}\n`,
  );
};

interface KafkajsLogEntry {
  namespace: string;
  level: number;
  log: { message: string; timestamp?: string; logger?: string } & Record<string, unknown>;
}

/** Builds a kafkajs `logCreator` that forwards to our logger. */
export function toLogCreator(
  logger: KafkaLogger,
): (level: number) => (entry: KafkajsLogEntry) => void {
  return () =>
    ({ namespace, level, log }) => {
      // kafkajs adds its own timestamp and logger name; drop them to keep lines short.
      const { message, timestamp: _timestamp, logger: _logger, ...fields } = log;
      logger({ ...fields, level: levelFromKafkajs(level), namespace, message });
    };
}
