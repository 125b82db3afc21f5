import { request, type Answer } from '@threadline/testing';
import WebSocket from 'ws';
import type { Party } from './impersonation.world';

/** What an attempt got back, as one text to scan: status, every header, the body or every frame. */
export interface Outcome {
  /** An HTTP status, or for `/ws`: `close <code>`, `error <CODE>` or `ready`. */
  status: number | string;
  text: string;
}

export async function http(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
  raw?: string,
): Promise<Outcome> {
  const answer: Answer = await request(base, path, {
    method,
    headers: { ...headers, ...(raw !== undefined && { 'content-type': 'text/csv' }) },
    ...(body !== undefined && { body }),
    ...(raw !== undefined && { raw }),
  });
  const head = [...answer.headers.entries()].map(([k, v]) => `${k}: ${v}`).join('\n');
  return { status: answer.status, text: `${answer.status}\n${head}\n\n${answer.text}` };
}

/**
 * One `/ws` conversation: opens with `headers`, sends `frames` in order, and watches until the
 * socket closes, an error frame arrives after the last frame was sent, or `settleMs` pass.
 */
export async function socket(
  gatewayUrl: string,
  headers: Record<string, string>,
  frames: unknown[],
  settleMs = 1_500,
): Promise<Outcome & { frames: Record<string, unknown>[] }> {
  const ws = new WebSocket(`${gatewayUrl.replace(/^http/, 'ws')}/ws`, { headers });
  const received: Record<string, unknown>[] = [];
  const raw: string[] = [];
  let closed: { code: number; reason: string } | undefined;
  ws.on('message', (data) => {
    raw.push(String(data));
    try {
      received.push(JSON.parse(String(data)) as Record<string, unknown>);
    } catch {
      received.push({ type: 'unparsable' });
    }
  });
  ws.on('close', (code, reason) => (closed = { code, reason: String(reason) }));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  for (const frame of frames) {
    const before = received.length;
    ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
    // Each frame's answer (ready, error) before the next, so answers line up with frames.
    const deadline = Date.now() + 5_000;
    while (!closed && received.length === before && Date.now() < deadline) await pause(20);
  }
  const errorsBefore = received.filter((f) => f.type === 'error').length;
  const deadline = Date.now() + settleMs;
  while (
    !closed &&
    Date.now() < deadline &&
    received.filter((f) => f.type === 'error').length === errorsBefore
  ) {
    await pause(20);
  }
  if (!closed) ws.close();
  const errors = received.filter((f) => f.type === 'error').map((f) => String(f.code));
  const status = closed
    ? `close ${closed.code}`
    : errors.length > 0
      ? `error ${errors.at(-1)}`
      : received.some((f) => f.type === 'ready')
        ? 'ready'
        : 'silent';
  return {
    status,
    frames: received,
    text: `${status} ${closed?.reason ?? ''}\n${raw.join('\n')}`,
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Which parties' data an actor may be answered with. */
export type Sees = (party: Party) => boolean;
export const nobody: Sees = () => false;

/** The values of parties the actor may not see, except what the attempt itself presented. */
export function leaksIn(
  text: string,
  parties: Party[],
  sees: Sees,
  presented: string[] = [],
): string[] {
  const found: string[] = [];
  for (const party of parties) {
    if (sees(party)) continue;
    for (const value of party.values) {
      if (value.length < 8 || presented.some((p) => p.includes(value))) continue;
      if (text.includes(value)) found.push(`${party.label}: ${value.slice(0, 6)}…`);
    }
  }
  return found;
}
