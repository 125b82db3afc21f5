import { ClientFrame, describeIssues } from '@threadline/contracts';

export type ParsedFrame = { ok: true; frame: ClientFrame } | { ok: false; message: string };

/** A client frame from raw WebSocket data: JSON text validated by `ClientFrame`, every problem named. */
export function parseClientFrame(data: Buffer | string, isBinary: boolean): ParsedFrame {
  if (isBinary) return { ok: false, message: 'frames are JSON text, not binary' };
  let raw: unknown;
  try {
    raw = JSON.parse(typeof data === 'string' ? data : data.toString('utf8'));
  } catch {
    return { ok: false, message: 'the frame is not JSON' };
  }
  const type = (raw as { type?: unknown } | null)?.type;
  if (
    typeof raw !== 'object' ||
    raw === null ||
    !['auth', 'resume', 'ping'].includes(type as string)
  ) {
    return { ok: false, message: 'type: must be one of auth, resume, ping' };
  }
  const parsed = ClientFrame.safeParse(raw);
  return parsed.success
    ? { ok: true, frame: parsed.data }
    : { ok: false, message: describeIssues(parsed.error, '') };
}
