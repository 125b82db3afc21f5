import { installDispatcher, type HostWindow } from './helpcrunch-queue';

function hostPageStub(): HostWindow {
  // Exactly what the loader snippet defines.
  const win: HostWindow & { HelpCrunch?: { (...a: unknown[]): void; q?: unknown[] } } = {};
  const stub = function () {
    // eslint-disable-next-line prefer-rest-params
    (stub.q = stub.q || []).push(arguments);
  } as { (...a: unknown[]): void; q?: unknown[] };
  win.HelpCrunch = stub;
  return win;
}

describe('installDispatcher (HelpCrunch call queue)', () => {
  it('replays the calls the page queued before the script loaded, in order', () => {
    const win = hostPageStub();
    const call = win.HelpCrunch as (...a: unknown[]) => void;
    call('init', 'acme.example', { applicationId: 1 });
    call('openChat');
    const seen: unknown[][] = [];
    expect(installDispatcher(win, (c) => seen.push(c))).toBe(true);
    expect(seen).toEqual([['init', 'acme.example', { applicationId: 1 }], ['openChat']]);
  });

  it('dispatches calls made after the script loaded directly', () => {
    const win = hostPageStub();
    const seen: unknown[][] = [];
    installDispatcher(win, (c) => seen.push(c));
    (win.HelpCrunch as (...a: unknown[]) => void)('sendUserMessage', 'hi');
    expect(seen).toEqual([['sendUserMessage', 'hi']]);
  });

  it('works when the page defined no stub at all', () => {
    const win: HostWindow = {};
    const seen: unknown[][] = [];
    installDispatcher(win, (c) => seen.push(c));
    (win.HelpCrunch as (...a: unknown[]) => void)('showChatWidget');
    expect(seen).toEqual([['showChatWidget']]);
  });

  it('ignores a second copy of the script on the same page', () => {
    const win = hostPageStub();
    const first: unknown[][] = [];
    const second: unknown[][] = [];
    installDispatcher(win, (c) => first.push(c));
    expect(installDispatcher(win, (c) => second.push(c))).toBe(false);
    (win.HelpCrunch as (...a: unknown[]) => void)('openChat');
    expect(first).toEqual([['openChat']]);
    expect(second).toEqual([]);
  });
});
