import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileTail } from './file-tail';

describe('file tail', () => {
  const dir = mkdtempSync(join(tmpdir(), 'file-tail-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const lines = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}`);

  it('given a log ending in a newline, answers its last lines', () => {
    const file = join(dir, 'short.log');
    writeFileSync(file, `${lines(1, 100).join('\n')}\n`);
    expect(fileTail(file, 3)).toBe('line 98\nline 99\nline 100');
  });

  it('given a log larger than what is read of it, still answers its last lines', () => {
    const file = join(dir, 'long.log');
    writeFileSync(file, lines(1, 200_000).join('\n'));
    expect(fileTail(file, 2)).toBe('line 199999\nline 200000');
  });

  it('given no log, says so', () => {
    expect(fileTail(join(dir, 'absent.log'), 5)).toBe('(no log)');
  });
});
