import { readFileSync } from 'node:fs';

/** A process's resident set as Linux reports it, in KiB: now (VmRSS) and at its peak (VmHWM). */
export interface ResidentMemory {
  rssKiB: number;
  peakKiB: number;
}

function field(status: string, name: string): number {
  const line = status.split('\n').find((l) => l.startsWith(`${name}:`));
  const match = line?.match(/(\d+)\s*kB/);
  if (!match) throw new Error(`/proc status has no ${name} line`);
  return Number(match[1]);
}

/** Parses the text of `/proc/<pid>/status`. */
export function parseResidentMemory(status: string): ResidentMemory {
  return { rssKiB: field(status, 'VmRSS'), peakKiB: field(status, 'VmHWM') };
}

/** Read from outside the process, so measuring it costs the process nothing. */
export function residentMemoryOf(pid: number): ResidentMemory {
  return parseResidentMemory(readFileSync(`/proc/${pid}/status`, 'utf8'));
}

export const mib = (kib: number) => kib / 1024;
