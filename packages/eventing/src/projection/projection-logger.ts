export interface ProjectionLogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  [field: string]: unknown;
}

/** Where projection runners and replays report; services pass one that writes to their logger. */
export type ProjectionLogger = (entry: ProjectionLogEntry) => void;

/** One JSON object per line on stderr, like the services' own logs. */
export const jsonLinesProjectionLogger: ProjectionLogger = (entry) => {
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), source: 'projection', ...entry })}\n`,
  );
};
