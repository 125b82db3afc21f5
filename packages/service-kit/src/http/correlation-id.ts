import { randomUUID } from 'node:crypto';

/** The caller's `x-correlation-id` when it is a sane token, else a fresh one. */
export function correlationIdOf(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : randomUUID();
}
