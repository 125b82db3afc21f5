/**
 * The widget's reconnect backoff (exponential, full jitter), with a lower cap: the fault test's
 * outages last seconds, and a device should be back within moments of its gateway.
 */
export function reconnectDelay(
  attempt: number,
  random: () => number = Math.random,
  baseMs = 250,
  capMs = 4_000,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
