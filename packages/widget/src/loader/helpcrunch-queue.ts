/** The host page's stub, `HelpCrunch = function(){ (HelpCrunch.q = HelpCrunch.q || []).push(arguments) }`. */
interface QueueingStub {
  (...args: unknown[]): void;
  q?: ArrayLike<unknown>[];
}

export interface HostWindow {
  HelpCrunch?: unknown;
}

const INSTALLED = '__threadline';

/**
 * Replaces the host page's queueing stub with the real dispatcher and replays what the page
 * queued before the script arrived, in order, so calls work the same before and after load.
 * A second copy of the script on the page changes nothing.
 */
export function installDispatcher(win: HostWindow, dispatch: (call: unknown[]) => void): boolean {
  const current = win.HelpCrunch as (QueueingStub & { [INSTALLED]?: boolean }) | undefined;
  if (current?.[INSTALLED]) return false;
  const queued = typeof current === 'function' && current.q ? Array.from(current.q) : [];
  const real = Object.assign((...args: unknown[]) => dispatch(args), { [INSTALLED]: true });
  win.HelpCrunch = real;
  for (const call of queued) dispatch(Array.from(call));
  return true;
}
