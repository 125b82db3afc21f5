import type { DeliveryAudit } from './delivery-audit';

/** What one injected fault cost, as the fault test measured it. */
export interface FaultFigures {
  /** identity, contact, conversation, gateway, kafka or ferretdb. */
  target: string;
  /** From kill -9 until the whole system answered /health again. */
  downMs: number;
  /** From the restart until the whole system answered /health again. */
  recoveryMs: number;
  /** Send attempts that failed (5xx, 429, timeouts, refused connections) from the kill until healthy. */
  failedAttempts: number;
  /** The longest a message sent in that window waited for its 2xx. */
  slowestAckMs: number;
}

export interface ReplayFigures {
  checked: number;
  matched: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The line the fault test prints, then one line per fault. */
export function formatFaultReport(
  audit: DeliveryAudit,
  faults: readonly FaultFigures[],
  replays: ReplayFigures,
): string {
  const head =
    `faults: sent ${audit.sent}, acknowledged ${audit.acknowledged}, ` +
    `faults injected ${faults.length}, lost ${audit.lost}, duplicated ${audit.duplicated}, ` +
    `out of order ${audit.outOfOrder}, unacknowledged but applied once ${audit.unacknowledgedApplied}, ` +
    `device frames ${audit.deviceFrames} (missing ${audit.deviceMissing}, duplicated ${audit.deviceDuplicated}, ` +
    `out of order ${audit.deviceOutOfOrder}), replays matching ${replays.matched}/${replays.checked}`;
  const lines = faults.map(
    (f) =>
      `  ${f.target.padEnd(12)} down ${seconds(f.downMs)}, healthy ${seconds(f.recoveryMs)} after restart, ` +
      `${f.failedAttempts} failed send attempts, slowest ack ${seconds(f.slowestAckMs)}`,
  );
  return [head, ...lines].join('\n');
}
