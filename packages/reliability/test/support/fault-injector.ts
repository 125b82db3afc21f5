import type { FaultFigures } from '../../src/fault-report';
import type { SendRecord } from './message-sender';
import type { PrivateStack } from './private-stack';
import type { ServiceName } from './service-process';

export type InfraTarget = 'kafka' | 'ferretdb' | 'postgres';
export type FaultTarget = ServiceName | InfraTarget;

const infraTargets: readonly string[] = ['kafka', 'ferretdb', 'postgres'] satisfies InfraTarget[];
const isInfra = (target: FaultTarget): target is InfraTarget => infraTargets.includes(target);

export interface FaultWindow {
  target: FaultTarget;
  killedAt: number;
  restartedAt: number;
  healthyAt: number;
}

/**
 * Kill -9 one part of the stack, leave it dead for `downForMs`, start it again, and wait until
 * every service answers /health again. The test's traffic keeps running throughout.
 */
export async function injectFault(
  stack: PrivateStack,
  target: FaultTarget,
  downForMs: number,
): Promise<FaultWindow> {
  const killedAt = Date.now();
  if (isInfra(target)) await stack.infra.kill(target);
  else await stack.services[target].kill();
  await new Promise((resolve) => setTimeout(resolve, downForMs));
  const restartedAt = Date.now();
  if (isInfra(target)) await stack.infra.up();
  else stack.services[target].start();
  await stack.waitHealthy(180_000);
  return { target, killedAt, restartedAt, healthyAt: Date.now() };
}

/** What the fault cost the senders: failed attempts in its window and the slowest 2xx. */
export function figuresOf(window: FaultWindow, messages: readonly SendRecord[]): FaultFigures {
  const inWindow = (at: number) => at >= window.killedAt && at <= window.healthyAt;
  let failedAttempts = 0;
  let slowestAckMs = 0;
  for (const m of messages) {
    failedAttempts += m.failures.filter(inWindow).length;
    if (
      m.acknowledgedAt !== undefined &&
      (inWindow(m.firstAttemptAt) || inWindow(m.acknowledgedAt))
    )
      slowestAckMs = Math.max(slowestAckMs, m.acknowledgedAt - m.firstAttemptAt);
  }
  return {
    target: window.target,
    downMs: window.healthyAt - window.killedAt,
    recoveryMs: window.healthyAt - window.restartedAt,
    failedAttempts,
    slowestAckMs,
  };
}
