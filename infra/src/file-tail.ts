import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';

/** Bytes read from a log's end: a long-running process's log may be large; its end is enough. */
const tailBytes = 64 * 1024;

/** The last `lines` lines of a log file, to quote when the process writing it failed. */
export function fileTail(file: string, lines: number): string {
  if (!existsSync(file)) return '(no log)';
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, tailBytes);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    return buffer.toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } finally {
    closeSync(fd);
  }
}
