/**
 * Exponential backoff with full jitter (AWS architecture blog's "full jitter"): a thousand
 * widgets that lost the gateway together do not all come back in the same second.
 */
export function reconnectDelay(
  attempt: number,
  random: () => number = Math.random,
  baseMs = 500,
  capMs = 30_000,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
