/**
 * A message's place in its thread's one order (S13): (sentAt, messageId) as one string that sorts
 * the same way, so the read side pages with plain string comparisons. 16 digits of milliseconds
 * hold every date up to the year 318,857.
 */
export function cursorOf(sentAtMs: number, messageId: string): string {
  return `${String(sentAtMs).padStart(16, '0')}_${messageId}`;
}

const cursorPattern = /^(\d{16})_([A-Za-z0-9-]{1,64})$/;

export function isCursor(value: string): boolean {
  return cursorPattern.test(value);
}

/** The milliseconds of a cursor, or undefined when the string is not one. */
export function sentAtOfCursor(cursor: string): number | undefined {
  const match = cursorPattern.exec(cursor);
  return match ? Number(match[1]) : undefined;
}
